package dev.hibernateae.benchmarks.search;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.BenchmarkKeystore;
import dev.hibernateae.benchmarks.support.SessionFactories;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.JobReport;
import dev.hibernateae.lifecycle.KeyLifecycle;
import dev.hibernateae.testing.DriverManagerDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hibernate.SessionFactory;

/**
 * What search tokens cost a column encryption key rotation on PostgreSQL: the same rows as {@link SearchBenchmark}'s
 * sides (a), two randomized attributes, and (b), the same with a prefix and a range search (22 tokens per row), each
 * in a fresh schema, rotated from {@code cek1} to {@code cek1_v2} exactly as {@code rotate-cek} does (one worker,
 * batches of 1,000, verification included). Side (b)'s job also derives every row's tokens again. Before timing,
 * each side's application registers its columns and token spec; after, a prefix query on side (b) must find what
 * the values say it should. Prints a markdown table.
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.hibernateae.benchmarks.search.SearchRotationBenchmark \
 *     [--rows 100000] [--seed 1]</pre>
 */
public final class SearchRotationBenchmark {
    private static final int BATCH = 1_000;

    private SearchRotationBenchmark() {
    }

    public static void main(String[] args) {
        int rows = 100_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SessionFactories.quietLogging();
        BenchmarkKeystore keystore = BenchmarkKeystore.create();
        ItemValues values = new ItemValues(rows, seed);
        List<String> lines = new ArrayList<>();
        lines.add("| side | rows | rotation, s | rows/s | time / (a) |");
        lines.add("|---|---:|---:|---:|---:|");
        double baseline = 0;
        for (ItemModel side : List.of(ItemModel.ENCRYPTED, ItemModel.SEARCHABLE)) {
            double seconds = rotate(keystore, values, side, seed);
            if (side == ItemModel.ENCRYPTED) {
                baseline = seconds;
            }
            lines.add(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f |", side == ItemModel.ENCRYPTED
                    ? "(a) two randomized attributes" : "(b) the same with 22 search tokens per row", rows, seconds,
                    rows / seconds, seconds / baseline));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    /** Inserts the rows of {@code side} into a fresh schema, then rotates its key; returns the rotation's seconds. */
    private static double rotate(BenchmarkKeystore keystore, ItemValues values, ItemModel side, long seed) {
        try (BenchmarkDatabase.Instance db = BenchmarkDatabase.POSTGRESQL.open()) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), "");
            KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(dataSource).settings(keystore.settings())
                    .build();
            lifecycle.createTables();
            lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider("MSSQL_JAVA_KEYSTORE").keyPath(BenchmarkKeystore.ALIAS));
            lifecycle.administration().createColumnEncryptionKey("cek1", "cmk1");
            lifecycle.administration().createColumnEncryptionKey("cek1_v2", "cmk1");
            Map<String, Object> settings = new HashMap<>(keystore.settings());
            settings.put("hibernate.ae.lifecycle.poll_interval", "PT1H");
            try (SessionFactory app = SessionFactories.build(db, settings, side.type())) {
                insert(app, values, side);
            }
            db.execute("vacuum analyze " + side.table);
            System.out.printf(Locale.ROOT, "%s: %,d rows inserted, rotating...%n", side, values.rows());
            long start = System.nanoTime();
            JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), JobOptions.DEFAULTS
                    .withWaitBeforeRewrite(Duration.ZERO).withBatchSize(BATCH).withWorkers(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.completed() || report.rewritten() != 2L * values.rows()) {
                throw new IllegalStateException("the rotation did not rewrite every cell: " + report);
            }
            if (side == ItemModel.SEARCHABLE) {
                checkPrefixQuery(db, settings, values, seed);
            }
            return seconds;
        }
    }

    private static void insert(SessionFactory app, ItemValues values, ItemModel side) {
        for (int from = 0; from < values.rows(); from += BATCH) {
            int start = from;
            app.inTransaction(session -> {
                for (int i = start; i < Math.min(values.rows(), start + BATCH); i++) {
                    session.persist(side.create(i + 1, values.names[i], values.amounts[i]));
                    if ((i + 1 - start) % SessionFactories.BATCH_SIZE == 0) {
                        session.flush();
                        session.clear();
                    }
                }
            });
        }
    }

    /** After the rotation, a prefix query through a new application finds exactly the rows with that prefix. */
    private static void checkPrefixQuery(BenchmarkDatabase.Instance db, Map<String, Object> settings,
            ItemValues values, long seed) {
        Map<String, Object> existing = new HashMap<>(settings);
        existing.put("hibernate.hbm2ddl.auto", "none");
        try (SessionFactory app = SessionFactories.build(db, existing, ItemModel.SEARCHABLE.type())) {
            String pattern = values.prefixPattern(new Random(seed));
            String prefix = pattern.substring(0, pattern.length() - 1);
            long expected = Arrays.stream(values.names).filter(n -> n.startsWith(prefix)).count();
            long found = app.fromTransaction(s -> s.createSelectionQuery("select count(*) from SearchableItem e "
                    + "where e.name like :p", Long.class).setParameter("p", pattern).getSingleResult());
            if (found != expected) {
                throw new IllegalStateException("after the rotation, " + pattern + " found " + found + " rows, not "
                        + expected);
            }
        }
    }
}
