package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of the "what encryption costs" set and writes {@code summary.md} (the tables README.md
 * publishes) next to each JMH run's log and JSON. {@code benchmarks/run.sh} builds the jar and calls this.
 *
 * <pre>
 * java -cp benchmarks.jar dev.hibernateae.benchmarks.suite.BenchmarkSuite [--quick] [--rounds N]
 *      [--only entities,peers,boot,keyring,allocation] [--skip-postgresql] [--out DIR] [--command TEXT]
 * </pre>
 * {@code entities}: hibernate-ae against plaintext end to end, with national IDs in random order ({@code --rounds}
 * forks, 3 in the full profile; the goals judge these) and in ascending order (one fork), and against the binary twin
 * (one fork). {@code peers}: a hand-written AES-GCM converter, jasypt and pgcrypto (PostgreSQL only) against plaintext,
 * one fork each with random order, next to one fork of hibernate-ae's (unless {@code entities} runs it already).
 * {@code --quick} runs everything once, briefly, to check that it runs.
 * PostgreSQL is {@code 127.0.0.1:5432/test} as {@code postgres} (override with {@code -Dbench.postgresql.url=...}
 * and {@code -Dbench.postgresql.user=...}); when it does not answer, its runs are left out and the summary says so.
 */
public final class BenchmarkSuite {
    private static final long START = System.nanoTime();

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Integer rounds = null;
        List<String> sections = List.of("entities", "peers", "boot", "keyring", "allocation");
        List<String> only = sections;
        boolean skipPostgres = false;
        Path out = null;
        String command = "benchmarks/run.sh";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                case "--skip-postgresql" -> skipPostgres = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --quick, --rounds N, --only entities,peers,boot,keyring,allocation, "
                        + "--skip-postgresql, --out DIR, --command TEXT");
            }
        }
        if (!sections.containsAll(only)) {
            throw new IllegalArgumentException("--only takes a comma-separated list of " + sections + ", not " + only);
        }
        SuiteProfile profile = quick ? SuiteProfile.QUICK : SuiteProfile.FULL;
        if (rounds != null) {
            profile = profile.withRounds(rounds);
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        if (out == null) {
            out = Path.of("benchmarks", "target", "benchmark-results", stamp);
        }
        JmhRuns runs = new JmhRuns(JmhRuns.createDirectory(out));
        double loadBefore = Machine.loadAverage();

        List<BenchmarkDatabase> databases = new ArrayList<>(List.of(BenchmarkDatabase.H2));
        String skipped = null;
        if (skipPostgres) {
            skipped = "PostgreSQL (--skip-postgresql)";
        } else {
            String reason = BenchmarkDatabase.postgresUnreachableReason();
            if (reason == null) {
                databases.add(BenchmarkDatabase.POSTGRESQL);
            } else {
                skipped = reason;
                progress("leaving PostgreSQL out: " + reason);
            }
        }
        progress(profile.name() + " run, results in " + out.toAbsolutePath());

        Report report = new Report();
        EntitySection endToEnd = new EntitySection(profile, runs, databases, only.contains("entities"),
                only.contains("peers"));
        var endToEndResults = endToEnd.run();
        BootSection boot = new BootSection(profile, runs);
        if (only.contains("boot")) {
            boot.run();
        }
        KeyRingSection keyRing = new KeyRingSection(profile, runs);
        if (only.contains("keyring")) {
            keyRing.run();
        }
        AllocationSection allocation = new AllocationSection(profile, runs);
        if (only.contains("allocation")) {
            allocation.run();
        }

        long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - START);
        String date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(Instant.now());
        report.header("hibernate-ae benchmarks, " + date, command, profile, loadBefore, Machine.loadAverage(),
                minutes, skipped);
        if (only.contains("entities")) {
            report.entities(endToEndResults, profile, allocation);
            report.decomposition(endToEndResults);
        }
        if (only.contains("peers")) {
            report.peers(endToEndResults, databases);
        }
        if (only.contains("boot")) {
            report.boot(boot);
        }
        if (only.contains("keyring")) {
            report.keyRing(keyRing);
        }
        if (only.contains("allocation")) {
            report.allocation(allocation);
        }
        report.missedGoals();
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        progress("summary written to " + summary.toAbsolutePath());
    }

    static void progress(String message) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - START);
        System.out.printf(Locale.ROOT, "[%3d:%02d] %s%n", seconds / 60, seconds % 60, message);
        System.out.flush();
    }
}
