package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.entities.EntityBenchmark;
import dev.hibernateae.benchmarks.support.Alternation;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The end-to-end figures: {@link EntityBenchmark}'s three operations on each database, alternating twins, one fork
 * per round; the order of the (database, operation) runs is shuffled per round and each run draws its own pair order.
 */
final class EntitySection {
    enum Operation {
        PERSIST("persist", "persist 500 entities (batches of 50)", "ms"),
        LOAD("loadById", "load one by id", "µs"),
        LOOKUP("lookupByNationalId", "look one up by indexed deterministic attribute", "µs");

        final String method;
        final String label;
        final String unit;

        Operation(String method, String label, String unit) {
            this.method = method;
            this.label = label;
            this.unit = unit;
        }

        /**
         * Nanoseconds the converters spend on the cells of one operation, from the per-cell figures: a persist writes
         * two deterministic strings and a randomized date per entity, a load reads them, a lookup encrypts its
         * parameter and reads the row.
         */
        double cellNanos(AllocationSection cells) {
            double writeString = cells.nanos("converterWriteDeterministicString");
            double writeDate = cells.nanos("converterWriteRandomizedDate");
            double readString = cells.nanos("converterReadDeterministicString");
            double readDate = cells.nanos("converterReadRandomizedDate");
            return switch (this) {
                case PERSIST -> 500 * (2 * writeString + writeDate);
                case LOAD -> 2 * readString + readDate;
                case LOOKUP -> writeString + 2 * readString + readDate;
            };
        }

        /** The goals: H2 within 1.15x, PostgreSQL within 1.05x, lookups within 1.10x. */
        double goal(BenchmarkDatabase database) {
            if (this == LOOKUP) {
                return 1.10;
            }
            return database == BenchmarkDatabase.H2 ? 1.15 : 1.05;
        }
    }

    record Key(BenchmarkDatabase database, Operation operation) {
    }

    private final SuiteProfile profile;
    private final JmhRuns runs;
    private final List<BenchmarkDatabase> databases;
    private final Map<Key, PairedRuns> results = new LinkedHashMap<>();
    private final Map<Key, PairedRuns> againstBinary = new LinkedHashMap<>();

    EntitySection(SuiteProfile profile, JmhRuns runs, List<BenchmarkDatabase> databases) {
        this.profile = profile;
        this.runs = runs;
        this.databases = databases;
        for (BenchmarkDatabase database : databases) {
            for (Operation operation : Operation.values()) {
                results.put(new Key(database, operation), new PairedRuns(operation.unit));
                againstBinary.put(new Key(database, operation), new PairedRuns(operation.unit));
            }
        }
    }

    Map<Key, PairedRuns> run() throws Exception {
        for (int round = 0; round < profile.rounds(); round++) {
            runRound(round, "PLAINTEXT", results);
        }
        return results;
    }

    /**
     * One round against the binary twin (ciphertext-sized random bytes in the same binary columns, no converter):
     * splits what encryption adds into the cells' encryption (encrypted ÷ binary) and the database and Hibernate
     * handling larger binary values (binary ÷ plaintext).
     */
    Map<Key, PairedRuns> runAgainstBinary() throws Exception {
        runRound(profile.rounds(), "BINARY", againstBinary);
        return againstBinary;
    }

    private void runRound(int round, String baseline, Map<Key, PairedRuns> into) throws Exception {
        List<Key> order = new ArrayList<>(into.keySet());
        Collections.shuffle(order, new Random(new SplittableRandom(20_260_000L + round).nextLong()));
        for (int i = 0; i < order.size(); i++) {
            Key key = order.get(i);
            long seed = 1_000L * (round + 1) + i;
            String what = baseline.equals("PLAINTEXT") ? "round " + (round + 1) + "/" + profile.rounds()
                    : "against the binary twin";
            String name = "entity-" + key.database().name().toLowerCase() + "-" + key.operation().method
                    + (baseline.equals("PLAINTEXT") ? "-round" + (round + 1) : "-binary");
            BenchmarkSuite.progress(what + ": " + key.operation().method + " on " + key.database());
            var options = new OptionsBuilder()
                    .include(EntityBenchmark.class.getName() + "." + key.operation().method + "$")
                    .param("database", key.database().name())
                    .param("model", Alternation.ALTERNATING)
                    .param("baseline", baseline)
                    .param("orderSeed", String.valueOf(seed))
                    .warmupIterations(profile.entityWarmups())
                    .warmupTime(TimeValue.seconds(profile.seconds()))
                    .measurementIterations(profile.entityIterations())
                    .measurementTime(TimeValue.seconds(profile.seconds()))
                    .forks(1)
                    .addProfiler(GCProfiler.class);
            into.get(key).add(runs.runOne(name, options), seed, profile.entityWarmups());
        }
    }

    List<BenchmarkDatabase> databases() {
        return databases;
    }
}
