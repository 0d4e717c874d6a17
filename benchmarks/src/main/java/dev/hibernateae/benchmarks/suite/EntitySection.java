package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.entities.EntityBenchmark;
import dev.hibernateae.benchmarks.entities.KeyOrder;
import dev.hibernateae.benchmarks.entities.PersonModel;
import dev.hibernateae.benchmarks.support.Alternation;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The end-to-end figures: {@link EntityBenchmark}'s three operations on each database, a candidate twin alternating
 * with a baseline twin, one fork per round. hibernate-ae against plaintext with keys in random order, the comparison
 * the goals judge, runs every round; everything else runs in the first round only: hibernate-ae with ascending keys,
 * against the binary twin, and each peer against plaintext. The order of the runs is shuffled per round and each run
 * draws its own pair order.
 */
final class EntitySection {
    /** What applications use instead of hibernate-ae, each compared with plaintext as hibernate-ae is. */
    static final List<PersonModel> PEERS = List.of(PersonModel.GCM_CONVERTER, PersonModel.JASYPT,
            PersonModel.PGCRYPTO);

    enum Operation {
        PERSIST("persist", "persist 500 entities (batches of 50)", "ms", 1_500),
        LOAD("loadById", "load one by id", "µs", 3),
        LOOKUP("lookupByNationalId", "look one up by national ID", "µs", 4);

        final String method;
        final String label;
        final String unit;
        /** Encrypted cells in one operation: three per entity, and a lookup's bound parameter. */
        final int cells;

        Operation(String method, String label, String unit, int cells) {
            this.method = method;
            this.label = label;
            this.unit = unit;
            this.cells = cells;
        }

        /** Microseconds of a time in this operation's unit. */
        double micros(double time) {
            return unit.equals("ms") ? time * 1_000 : time;
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

        /**
         * The goals for hibernate-ae against plaintext with keys in random order: H2 persist within 1.45x,
         * PostgreSQL persist within 1.25x, PostgreSQL load and lookup within 1.03x; NaN where there is none.
         */
        double goal(BenchmarkDatabase database) {
            return switch (this) {
                case PERSIST -> database == BenchmarkDatabase.H2 ? 1.45 : 1.25;
                case LOAD, LOOKUP -> database == BenchmarkDatabase.POSTGRESQL ? 1.03 : Double.NaN;
            };
        }
    }

    /** One comparison: {@code candidate} alternating with {@code baseline} in one operation on one database. */
    record Key(BenchmarkDatabase database, Operation operation, PersonModel candidate, PersonModel baseline,
            KeyOrder keyOrder) {

        /** The comparison the goals judge, and the reference of the peers' table. */
        static Key judged(BenchmarkDatabase database, Operation operation) {
            return new Key(database, operation, PersonModel.ENCRYPTED, PersonModel.PLAINTEXT, KeyOrder.RANDOM);
        }

        String describe() {
            return String.format(Locale.ROOT, "%s on %s, %s against %s, %s keys", operation.method, database,
                    candidate.label(), baseline.label(), keyOrder.name().toLowerCase(Locale.ROOT));
        }

        String runName(int round) {
            return String.join("-", "entity", database.name(), operation.method, candidate.name(), "vs",
                    baseline.name(), keyOrder.name(), "round" + (round + 1)).toLowerCase(Locale.ROOT);
        }
    }

    private final SuiteProfile profile;
    private final JmhRuns runs;
    /** Rounds per comparison, in the order the report lists them. */
    private final Map<Key, Integer> rounds = new LinkedHashMap<>();
    private final Map<Key, PairedRuns> results = new LinkedHashMap<>();

    /**
     * Plans the runs: {@code entities} are hibernate-ae's (against plaintext in both key orders, and against the
     * binary twin), {@code peers} the peers' and one round of hibernate-ae against plaintext to set them against.
     */
    EntitySection(SuiteProfile profile, JmhRuns runs, List<BenchmarkDatabase> databases, boolean entities,
            boolean peers) {
        this.profile = profile;
        this.runs = runs;
        for (BenchmarkDatabase database : databases) {
            for (Operation operation : Operation.values()) {
                if (entities || peers) {
                    plan(Key.judged(database, operation), entities ? profile.rounds() : 1);
                }
                if (entities) {
                    plan(new Key(database, operation, PersonModel.ENCRYPTED, PersonModel.PLAINTEXT,
                            KeyOrder.ASCENDING), 1);
                    plan(new Key(database, operation, PersonModel.ENCRYPTED, PersonModel.BINARY, KeyOrder.RANDOM),
                            1);
                }
                for (PersonModel peer : peers ? PEERS : List.<PersonModel>of()) {
                    if (peer.runsOn(database) && (operation != Operation.LOOKUP || peer.canLookUp())) {
                        plan(new Key(database, operation, peer, PersonModel.PLAINTEXT, KeyOrder.RANDOM), 1);
                    }
                }
            }
        }
    }

    private void plan(Key key, int keyRounds) {
        rounds.put(key, keyRounds);
        results.put(key, new PairedRuns(key.operation().unit));
    }

    Map<Key, PairedRuns> run() throws Exception {
        int total = rounds.values().stream().mapToInt(Integer::intValue).sum();
        int done = 0;
        int maxRounds = rounds.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int round = 0; round < maxRounds; round++) {
            int current = round;
            List<Key> order = new ArrayList<>(rounds.keySet().stream().filter(k -> rounds.get(k) > current).toList());
            Collections.shuffle(order, new Random(new SplittableRandom(20_260_000L + round).nextLong()));
            for (int i = 0; i < order.size(); i++) {
                Key key = order.get(i);
                long seed = 1_000L * (round + 1) + i;
                BenchmarkSuite.progress(String.format(Locale.ROOT, "end to end %d/%d, round %d/%d: %s", ++done,
                        total, round + 1, rounds.get(key), key.describe()));
                var options = new OptionsBuilder()
                        .include(EntityBenchmark.class.getName() + "." + key.operation().method + "$")
                        .param("database", key.database().name())
                        .param("model", Alternation.ALTERNATING)
                        .param("candidate", key.candidate().name())
                        .param("baseline", key.baseline().name())
                        .param("keyOrder", key.keyOrder().name())
                        .param("orderSeed", String.valueOf(seed))
                        .warmupIterations(profile.entityWarmups())
                        .warmupTime(TimeValue.seconds(profile.seconds()))
                        .measurementIterations(profile.entityIterations())
                        .measurementTime(TimeValue.seconds(profile.seconds()))
                        .forks(1)
                        .addProfiler(GCProfiler.class);
                results.get(key).add(runs.runOne(key.runName(round), options), seed, profile.entityWarmups());
            }
        }
        return results;
    }
}
