package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.keyring.ConcurrentUnwrapProbe;
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
        out.append("## End to end through Hibernate: encrypted ÷ plaintext\n\n");
        out.append("Six attributes per entity, three encrypted (two deterministic, one randomized), against a plaintext"
                + " twin; real key hierarchy (PKCS12 keystore, key tables, caching key ring). Every operation is a"
                + " transaction. Ratio: geometric mean of pairs of ").append(profile.seconds())
                .append("-s iterations, one per twin back to back in the same JVM (order drawn per pair), ")
                .append(profile.entityIterations() / 2).append(" pairs per fork × ").append(profile.rounds())
                .append(" fork(s), after ").append(profile.entityWarmups())
                .append(" warm-up iterations; [95% CI]. Times: mean ± 95% CI half-width. Cells: what the converters"
                        + " alone take for the operation's cells, from the per-cell figures below (another JVM, so"
                        + " approximate); the rest of the added time is the database and Hibernate handling"
                        + " ciphertext.\n\n");
        out.append("| operation | database | plaintext | encrypted | ratio [95% CI] | goal | ratio per fork "
                + "| added | of which cells | allocated per operation, plaintext → encrypted |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            Key key = entry.getKey();
            PairedRuns runs = entry.getValue();
            if (runs.pairs() == 0) {
                continue;
            }
            double goal = key.operation().goal(key.database());
            Stats.Interval ratio = runs.ratio();
            String verdict = verdict(ratio, goal, key.operation().label + " on " + key.database());
            int perOperation = key.operation() == Operation.PERSIST ? 500 : 1;
            double extraBytes = (runs.candidateBytes() - runs.baselineBytes()) / perOperation;
            out.append("| ").append(key.operation().label).append(" | ").append(key.database()).append(" | ")
                    .append(runs.baseline().formatPlusMinus("%.1f")).append(' ').append(runs.unit()).append(" | ")
                    .append(runs.candidate().formatPlusMinus("%.1f")).append(' ').append(runs.unit()).append(" | ")
                    .append(ratio.format("%.3f")).append(" | ").append(verdict).append(" | ")
                    .append(runs.roundRatios().stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(duration(runs.candidate().value() - runs.baseline().value(), runs.unit()))
                    .append(" | ").append(duration(key.operation().cellNanos(cells) / 1_000, "µs"))
                    .append(" | ").append(bytes(runs.baselineBytes())).append(" → ").append(bytes(runs.candidateBytes()))
                    .append(String.format(Locale.ROOT, " (%+.0f B per %s)", extraBytes,
                            perOperation == 1 ? "operation" : "entity"))
                    .append(" |\n");
        }
        out.append('\n');
        return this;
    }

    Report decomposition(Map<Key, PairedRuns> againstPlaintext, Map<Key, PairedRuns> againstBinary) {
        out.append("### Where the added time goes\n\n");
        out.append("One more fork per line alternates the encrypted twin with a binary twin: the same binary columns,"
                + " sizes and index holding random bytes as long as the cells, without a converter. Encrypted ÷ binary"
                + " is the encryption itself (converters, cipher, key ring); binary ÷ plaintext (derived: the ratio"
                + " above over encrypted ÷ binary) is the database and Hibernate storing, indexing and moving"
                + " ciphertext-sized binary values instead of short strings and a date.\n\n");
        out.append("| operation | database | binary twin | encrypted ÷ binary [95% CI] | binary ÷ plaintext (derived) |\n");
        out.append("|---|---|---|---|---|\n");
        for (var entry : againstBinary.entrySet()) {
            PairedRuns binary = entry.getValue();
            PairedRuns plaintext = againstPlaintext.get(entry.getKey());
            if (binary.pairs() == 0 || plaintext == null || plaintext.pairs() == 0) {
                continue;
            }
            out.append("| ").append(entry.getKey().operation().label).append(" | ").append(entry.getKey().database())
                    .append(" | ").append(binary.baseline().formatPlusMinus("%.1f")).append(' ').append(binary.unit())
                    .append(" | ").append(binary.ratio().format("%.3f")).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", plaintext.ratio().value() / binary.ratio().value()))
                    .append(" |\n");
        }
        out.append('\n');
        return this;
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
        if (ratio.value() <= goal) {
            return String.format(Locale.ROOT, "≤ %.2f: met", goal);
        }
        missed.add(String.format(Locale.ROOT, "%s: %.3f against ≤ %.2f (%.1f%% over)", what, ratio.value(), goal,
                (ratio.value() / goal - 1) * 100));
        return String.format(Locale.ROOT, "≤ %.2f: **missed by %.1f%%**", goal, (ratio.value() / goal - 1) * 100);
    }

    Report missedGoals() {
        out.append("## Goals missed\n\n");
        if (missed.isEmpty()) {
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
