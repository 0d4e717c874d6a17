package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.entities.KeyOrder;
import dev.hibernateae.benchmarks.entities.PersonModel;
import dev.hibernateae.benchmarks.keyring.ConcurrentUnwrapProbe;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.suite.EntitySection.Key;
import dev.hibernateae.benchmarks.suite.EntitySection.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;

/** The suite's results as Markdown: the tables README.md publishes, and the goals each figure is held to. */
final class Report {
    private final StringBuilder out = new StringBuilder();
    private final List<String> missed = new ArrayList<>();
    private int judged;

    Report header(String title, String command, SuiteProfile profile, double loadBefore, double loadAfter,
            long minutes, String skipped) {
        out.append("# ").append(title).append("\n\n");
        out.append("- Command: `").append(command).append("` (").append(profile.name()).append(" profile: ")
                .append(profile.rounds()).append(" round(s), ").append(minutes).append(" min)\n");
        out.append(Machine.describe());
        out.append(String.format(Locale.ROOT, "- Load average: %.2f at the start, %.2f at the end (the machine is "
                + "shared; alternation puts both twins under the same load)%n", loadBefore, loadAfter));
        if (skipped != null) {
            out.append("- Left out: ").append(skipped).append('\n');
        }
        out.append('\n');
        return this;
    }

    Report entities(Map<Key, PairedRuns> results, SuiteProfile profile, AllocationSection cells) {
        out.append("## End to end through Hibernate: hibernate-ae ÷ plaintext\n\n");
        out.append("Six attributes per entity, three encrypted (two deterministic, one randomized), against a plaintext"
                + " twin; real key hierarchy (PKCS12 keystore, key tables, caching key ring). Every operation is a"
                + " transaction. Key order: the order of the indexed national IDs along the rows, the same for both"
                + " twins. With ascending IDs the plaintext index only grows at its end while the encrypted one (a"
                + " deterministic cell is pseudo-random) takes rows anywhere; random order is the fair comparison, and"
                + " the one the goals judge. Ratio: geometric mean of pairs of ").append(profile.seconds())
                .append("-s iterations, one per twin back to back in the same JVM (order drawn per pair), ")
                .append(profile.entityIterations() / 2).append(" pairs per fork × ").append(profile.rounds())
                .append(" fork(s) with random keys, 1 with ascending keys, after ").append(profile.entityWarmups())
                .append(" warm-up iterations; [95% CI]. Times: mean ± 95% CI half-width. Added per cell: the added"
                        + " time over the encrypted cells of the operation (1,500 for a persist, 3 for a load, 4 for a"
                        + " lookup: its parameter and the row's 3). Converters: what the converters alone take for"
                        + " those cells, from the per-cell figures below (another JVM, so approximate); the rest of the"
                        + " added time is the database and Hibernate handling ciphertext.\n\n");
        out.append("| operation | database | key order | plaintext | hibernate-ae | ratio [95% CI] | goal "
                + "| ratio per fork | added | added per cell | of which converters "
                + "| allocated per operation, plaintext → hibernate-ae |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            Key key = entry.getKey();
            PairedRuns runs = entry.getValue();
            if (key.candidate() != PersonModel.ENCRYPTED || key.baseline() != PersonModel.PLAINTEXT
                    || runs.pairs() == 0) {
                continue;
            }
            Operation operation = key.operation();
            boolean judged = key.keyOrder() == KeyOrder.RANDOM;
            String verdict = judged ? verdict(runs.ratio(), operation.goal(key.database()),
                    operation.label + " on " + key.database() + ", random keys") : "none";
            int perOperation = operation == Operation.PERSIST ? 500 : 1;
            double extraBytes = (runs.candidateBytes() - runs.baselineBytes()) / perOperation;
            out.append("| ").append(operation.label).append(" | ").append(key.database()).append(" | ")
                    .append(key.keyOrder().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(runs.baseline().formatPlusMinus("%.1f")).append(' ').append(runs.unit()).append(" | ")
                    .append(runs.candidate().formatPlusMinus("%.1f")).append(' ').append(runs.unit()).append(" | ")
                    .append(runs.ratio().format("%.3f")).append(" | ").append(verdict).append(" | ")
                    .append(runs.roundRatios().stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(duration(runs.candidate().value() - runs.baseline().value(), runs.unit()))
                    .append(" | ").append(perCell(runs, operation))
                    .append(" | ").append(duration(operation.cellNanos(cells) / 1_000, "µs"))
                    .append(" | ").append(bytes(runs.baselineBytes())).append(" → ").append(bytes(runs.candidateBytes()))
                    .append(String.format(Locale.ROOT, " (%+.0f B per %s)", extraBytes,
                            perOperation == 1 ? "operation" : "entity"))
                    .append(" |\n");
        }
        out.append('\n');
        return this;
    }

    Report decomposition(Map<Key, PairedRuns> results) {
        out.append("### Where the added time goes\n\n");
        out.append("One more fork per line (random key order) alternates hibernate-ae's twin with a binary twin: the"
                + " same binary columns, sizes and index holding random bytes as long as the cells, without a"
                + " converter. hibernate-ae ÷ binary is the encryption itself (converters, cipher, key ring); binary ÷"
                + " plaintext (derived: the random-order ratio above over hibernate-ae ÷ binary) is the database and"
                + " Hibernate storing, indexing and moving ciphertext-sized binary values instead of short strings and"
                + " a date.\n\n");
        out.append("| operation | database | binary twin | hibernate-ae ÷ binary [95% CI] | binary ÷ plaintext (derived) |\n");
        out.append("|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            Key key = entry.getKey();
            PairedRuns binary = entry.getValue();
            PairedRuns plaintext = results.get(Key.judged(key.database(), key.operation()));
            if (key.baseline() != PersonModel.BINARY || binary.pairs() == 0 || plaintext == null
                    || plaintext.pairs() == 0) {
                continue;
            }
            out.append("| ").append(key.operation().label).append(" | ").append(key.database())
                    .append(" | ").append(binary.baseline().formatPlusMinus("%.1f")).append(' ').append(binary.unit())
                    .append(" | ").append(binary.ratio().format("%.3f")).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", plaintext.ratio().value() / binary.ratio().value()))
                    .append(" |\n");
        }
        out.append('\n');
        return this;
    }

    Report peers(Map<Key, PairedRuns> results, List<BenchmarkDatabase> databases) {
        out.append("## hibernate-ae and its peers, each ÷ plaintext (random key order)\n\n");
        out.append("What an application would write instead, each as another twin with the same six attributes and the"
                + " same three protected, alternating with the plaintext twin in the same way (one fork each;"
                + " hibernate-ae: the forks above). GCM converter: a hand-written JPA converter, a new AES-GCM"
                + " `Cipher` and a random 12-byte IV per value, Base64 text. jasypt: `StandardPBEStringEncryptor` with"
                + " a password and its defaults (PBEWithMD5AndDES, a 1,000-iteration key derivation per value) in a"
                + " converter. pgcrypto: `pgp_sym_encrypt`/`pgp_sym_decrypt` in Hibernate column transformers, the key"
                + " in every statement. The GCM converter and jasypt randomize every value, so they cannot look a row"
                + " up by national ID; pgcrypto randomizes too, and its lookup decrypts the column of every row in the"
                + " database (10,000 here) to compare. Each cell: time, ratio [95% CI] against the plaintext iterations"
                + " paired with it, added time per encrypted cell (1,500 for a persist, 3 for a load, 4 for a"
                + " lookup). Plaintext: the plaintext iterations paired with hibernate-ae.\n\n");
        out.append("| operation | database | plaintext");
        List<PersonModel> candidates = new ArrayList<>(List.of(PersonModel.ENCRYPTED));
        candidates.addAll(EntitySection.PEERS);
        candidates.forEach(candidate -> out.append(" | ").append(candidate.label()));
        out.append(" |\n|---|---|---").append("|---".repeat(candidates.size())).append("|\n");
        for (BenchmarkDatabase database : databases) {
            for (Operation operation : Operation.values()) {
                PairedRuns reference = results.get(Key.judged(database, operation));
                out.append("| ").append(operation.label).append(" | ").append(database).append(" | ")
                        .append(reference == null || reference.pairs() == 0 ? "not run"
                                : reference.baseline().formatPlusMinus("%.1f") + ' ' + reference.unit());
                for (PersonModel candidate : candidates) {
                    out.append(" | ").append(peerCell(results, database, operation, candidate));
                }
                out.append(" |\n");
            }
        }
        out.append('\n');
        return this;
    }

    private static String peerCell(Map<Key, PairedRuns> results, BenchmarkDatabase database, Operation operation,
            PersonModel candidate) {
        if (!candidate.runsOn(database)) {
            return "PostgreSQL only";
        }
        if (operation == Operation.LOOKUP && !candidate.canLookUp()) {
            return "not possible (randomized; needs a blind index)";
        }
        PairedRuns runs = results.get(new Key(database, operation, candidate, PersonModel.PLAINTEXT, KeyOrder.RANDOM));
        if (runs == null || runs.pairs() == 0) {
            return "not run";
        }
        Stats.Interval ratio = runs.ratio();
        String digits = ratio.value() >= 100 ? "%.0f" : ratio.value() >= 10 ? "%.1f" : "%.3f";
        return duration(runs.candidate().value(), runs.unit()) + " · " + ratio.format(digits) + " · "
                + perCell(runs, operation);
    }

    /** The time a candidate adds per encrypted cell of the operation. */
    private static String perCell(PairedRuns runs, Operation operation) {
        double micros = operation.micros(runs.candidate().value() - runs.baseline().value()) / operation.cells;
        return Math.abs(micros) >= 1_000 ? String.format(Locale.ROOT, "%.1f ms/cell", micros / 1_000)
                : String.format(Locale.ROOT, "%.2f µs/cell", micros);
    }

    Report boot(BootSection boot) {
        out.append("## Boot: 50 encrypted attributes against the same model in plaintext\n\n");
        out.append("Five entities of ten attributes; registry, metadata, session factory and close, no schema action, "
                + "no JDBC metadata access. Warm: alternating iterations in one JVM per round. Cold: the first boot of a"
                + " fresh JVM (class loading included), one per twin per pair.\n\n");
        out.append("| boot | plaintext | encrypted | ratio [95% CI] | pairs |\n|---|---|---|---|---|\n");
        row("warm (repeated in one JVM)", boot.warm);
        row("cold (first boot of a fresh JVM)", boot.cold);
        out.append('\n');
        return this;
    }

    private void row(String label, PairedRuns runs) {
        if (runs.pairs() == 0) {
            return;
        }
        out.append("| ").append(label).append(" | ").append(runs.baseline().formatPlusMinus("%.1f")).append(" ms | ")
                .append(runs.candidate().formatPlusMinus("%.1f")).append(" ms | ").append(runs.ratio().format("%.3f"))
                .append(" | ").append(runs.pairs()).append(" |\n");
    }

    Report keyRing(KeyRingSection keyRing) {
        out.append("## Key ring: Azure Key Vault provider against the local counting endpoint\n\n");
        ConcurrentUnwrapProbe.Result probe = keyRing.probe;
        List<Double> sorted = probe.stampedeMillis().stream().sorted().toList();
        boolean met = probe.exactlyOncePerKey() && probe.allThreadsGotTheSameKey();
        judged++;
        if (!met) {
            missed.add("unwraps per column encryption key under " + probe.threads() + " threads: worst "
                    + probe.worstUnwrapsPerKey() + " (goal 1)");
        }
        out.append(String.format(Locale.ROOT, "- Unwraps per column encryption key, %d threads asking for %d keys at "
                + "once on a cold key ring, %d trials: mean %.2f, worst %d (goal 1: %s); every thread got the same key "
                + "instance: %s. Time until every thread held every key: median %.1f ms.%n%n",
                probe.threads(), probe.keys(), probe.trials(), probe.meanUnwrapsPerKey(), probe.worstUnwrapsPerKey(),
                met ? "met" : "MISSED", probe.allThreadsGotTheSameKey() ? "yes" : "NO",
                sorted.get(sorted.size() / 2)));
        out.append("| key ring call | latency (± 99.9% CI, JMH) |\n|---|---|\n");
        String[] labels = {"first unwrap (new provider: TLS handshake, key read, unwrap)",
            "cold unwrap (cache miss: key rows, signature checks, vault unwrap, derivation)",
            "for scale: one bare HTTPS GET to the same endpoint (JDK client, no SDK)",
            "cached lookup (what every cell pays)"};
        for (int i = 0; i < KeyRingSection.METHODS.length; i++) {
            RunResult result = keyRing.latencies.get(KeyRingSection.METHODS[i]);
            out.append("| ").append(labels[i]).append(" | ").append(score(result)).append(" |\n");
        }
        out.append('\n');
        return this;
    }

    Report allocation(AllocationSection allocation) {
        out.append("## Allocation per encrypted cell (JMH GC profiler, `gc.alloc.rate.norm`)\n\n");
        out.append("Deterministic: an 11-character string (22-byte plaintext, 81-byte cell; the cell array alone is "
                + "104 B). Randomized: a `LocalDate` (65-byte cell, 88 B).\n\n");
        out.append("| operation | allocated | time (± 99.9% CI, JMH) |\n|---|---|---|\n");
        for (RunResult result : allocation.results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            out.append("| ").append(method).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f B", AllocationSection.bytesPerOperation(result)))
                    .append(" | ").append(score(result)).append(" |\n");
        }
        out.append('\n');
        return this;
    }

    private String verdict(Stats.Interval ratio, double goal, String what) {
        if (Double.isNaN(goal)) {
            return "none";
        }
        judged++;
        if (ratio.value() <= goal) {
            return String.format(Locale.ROOT, "≤ %.2f: met", goal);
        }
        missed.add(String.format(Locale.ROOT, "%s: %.3f against ≤ %.2f (%.1f%% over)", what, ratio.value(), goal,
                (ratio.value() / goal - 1) * 100));
        return String.format(Locale.ROOT, "≤ %.2f: **missed by %.1f%%**", goal, (ratio.value() / goal - 1) * 100);
    }

    Report missedGoals() {
        out.append("## Goals missed\n\n");
        if (judged == 0) {
            out.append("None judged: the goals are hibernate-ae's end-to-end ratios with random keys (`entities`) and"
                    + " the key ring's unwraps (`keyring`).\n");
        } else if (missed.isEmpty()) {
            out.append("None.\n");
        } else {
            missed.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        return this;
    }

    /** JMH's score with its own error (99.9% confidence). */
    private static String score(RunResult result) {
        var primary = result.getPrimaryResult();
        if (Double.isNaN(primary.getScoreError())) {
            return String.format(Locale.ROOT, "%.3f %s", primary.getScore(), primary.getScoreUnit());
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f %s", primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit());
    }

    private static String duration(double value, String unit) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (unit.equals("µs") && Math.abs(value) >= 1_000) {
            return String.format(Locale.ROOT, "%.2f ms", value / 1_000);
        }
        return String.format(Locale.ROOT, unit.equals("ms") ? "%.2f %s" : "%.1f %s", value, unit);
    }

    private static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "?";
        }
        if (bytes >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 10_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
