package dev.hibernateae.benchmarks.search;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.BenchmarkKeystore;
import dev.hibernateae.benchmarks.support.SessionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * One row count of {@link SearchBenchmark}: a fresh PostgreSQL schema ({@link BenchmarkDatabase}) holding the three
 * sides' tables and the token table, one session factory for all three (the real key hierarchy: keystore, key
 * tables, caching key ring), and the measurements made on them. The schema is dropped on {@link #close()}.
 */
final class SearchRun implements AutoCloseable {
    private final BenchmarkDatabase.Instance db;
    private final SessionFactory sessionFactory;
    private final ItemValues values;
    private final int batchSize;
    private final boolean tokenFloor;

    /**
     * {@code extraSettings}: Hibernate settings on top of the benchmarks' own and the keystore's; {@code tokenFloor}:
     * whether inserts also measure the {@link TokenWriteFloor}.
     */
    SearchRun(BenchmarkKeystore keystore, ItemValues values, int batchSize, Map<String, Object> extraSettings,
            boolean tokenFloor) {
        this.values = values;
        this.batchSize = batchSize;
        this.tokenFloor = tokenFloor;
        db = BenchmarkDatabase.POSTGRESQL.open();
        try {
            Map<String, Object> settings = new HashMap<>(keystore.settings());
            settings.putAll(extraSettings);
            sessionFactory = SessionFactories.build(db, settings, ItemModel.entities());
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(sessionFactory).build();
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider("MSSQL_JAVA_KEYSTORE")
                    .keyPath(BenchmarkKeystore.ALIAS));
            admin.createColumnEncryptionKey("cek1", "cmk1");
            for (ItemModel model : ItemModel.values()) {
                model.extraDdl.forEach(db::execute);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Time spent and rows inserted per side, and the time {@link TokenWriteFloor} took to write as many token rows
     * as the searchable side stored (0 when not measured).
     */
    record Inserts(long[] nanos, long tokenFloorNanos, int rows) {
        double rowsPerSecond(ItemModel model) {
            return rows * 1e9 / nanos[model.ordinal()];
        }

        /** Rows per second of the encrypted side plus the token rows written by plain JDBC batches. */
        double encryptedPlusTokenFloorRowsPerSecond() {
            return rows * 1e9 / (nanos[ItemModel.ENCRYPTED.ordinal()] + tokenFloorNanos);
        }
    }

    /**
     * Persists every row into every side, {@code batchSize} entities per transaction (flushed every
     * {@value SessionFactories#BATCH_SIZE}, the JDBC batch size). Batches go round the three sides in turn, the
     * first side rotating from batch to batch, so that a change in the machine's load weighs on each; after each
     * batch the {@link TokenWriteFloor}, if asked for, writes as many token rows (its second random-key index slows
     * the other sides down when the indexes outgrow the database's cache). Then every table is vacuumed and
     * analyzed (not timed).
     */
    Inserts insertAll() {
        long[] nanos = new long[ItemModel.values().length];
        long floorNanos = 0;
        ItemModel[] models = ItemModel.values();
        try (TokenWriteFloor floor = tokenFloor ? new TokenWriteFloor(db) : null) {
            for (int from = 0, batch = 0; from < values.rows(); from += batchSize, batch++) {
                int to = Math.min(values.rows(), from + batchSize);
                for (int k = 0; k < models.length; k++) {
                    ItemModel model = models[(batch + k) % models.length];
                    long start = System.nanoTime();
                    insert(model, from, to);
                    nanos[model.ordinal()] += System.nanoTime() - start;
                }
                if (floor != null) {
                    floorNanos += floor.write(from + 1, to);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the token floor table: " + e.getMessage(), e);
        }
        for (ItemModel model : models) {
            db.execute("vacuum analyze " + model.table);
        }
        db.execute("vacuum analyze " + SearchableItem.TOKEN_TABLE);
        return new Inserts(nanos, floorNanos, values.rows());
    }

    private void insert(ItemModel model, int from, int to) {
        sessionFactory.inTransaction(session -> {
            for (int i = from; i < to; i++) {
                session.persist(model.create(i + 1, values.names[i], values.amounts[i]));
                if ((i + 1 - from) % SessionFactories.BATCH_SIZE == 0) {
                    session.flush();
                    session.clear();
                }
            }
        });
    }

    /** Latencies of one query shape on the searchable side and on the plaintext side, and the rows they matched. */
    record Comparison(Latencies searchable, Latencies plaintext, long matchedRows, int queries) {
        double meanMatches() {
            return (double) matchedRows / queries;
        }
    }

    /**
     * Runs {@code warmUp} then {@code queries} random queries on both sides, alternating which side goes first;
     * {@code condition} is the HQL condition on alias {@code e}, {@code parameters} draws its parameters. Every
     * searchable result must hold as many rows as the plaintext one.
     */
    Comparison compare(String condition, Function<Random, Map<String, Object>> parameters, int warmUp, int queries,
            long seed) {
        Random random = new Random(seed);
        Latencies searchable = new Latencies(queries);
        Latencies plaintext = new Latencies(queries);
        long matched = 0;
        for (int i = -warmUp; i < queries; i++) {
            Map<String, Object> bound = parameters.apply(random);
            long[] elapsed = new long[2];
            int[] counts = new int[2];
            for (int k = 0; k < 2; k++) {
                boolean searchableNow = (k == 0) == (Math.floorMod(i, 2) == 0);
                ItemModel model = searchableNow ? ItemModel.SEARCHABLE : ItemModel.PLAINTEXT;
                int side = searchableNow ? 0 : 1;
                long start = System.nanoTime();
                counts[side] = select(model, condition, bound).size();
                elapsed[side] = System.nanoTime() - start;
            }
            if (counts[0] != counts[1]) {
                throw new IllegalStateException("query " + i + " of '" + condition + "': the searchable side found "
                        + counts[0] + " rows, the plaintext side " + counts[1]);
            }
            if (i >= 0) {
                searchable.add(elapsed[0]);
                plaintext.add(elapsed[1]);
                matched += counts[1];
            }
        }
        return new Comparison(searchable, plaintext, matched, queries);
    }

    /** The entities of {@code model} that {@code condition} selects, read in a transaction of their own. */
    private List<?> select(ItemModel model, String condition, Map<String, Object> parameters) {
        return sessionFactory.fromTransaction(session -> {
            var query = session.createSelectionQuery("select e from " + model.entity + " e where " + condition,
                    Object.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * Token count and on-disk sizes (tables with their indexes and TOAST), after vacuum, and the token table's
     * indexes as PostgreSQL defines them.
     */
    record Storage(int rows, long tokens, long tokenBytes, Map<ItemModel, Long> tableBytes, List<String> tokenIndexes) {
        double tokensPerRow() {
            return (double) tokens / rows;
        }

        double tokenBytesPerRow() {
            return (double) tokenBytes / rows;
        }

        double tableBytesPerRow(ItemModel model) {
            return (double) tableBytes.get(model) / rows;
        }
    }

    Storage storage() {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Map<ItemModel, Long> tables = new HashMap<>();
            for (ItemModel model : ItemModel.values()) {
                tables.put(model, single(s, "select pg_total_relation_size('" + model.table + "')"));
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select indexdef from pg_indexes where schemaname = current_schema() "
                    + "and tablename = '" + SearchableItem.TOKEN_TABLE + "' order by indexname")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1).replace(db.name() + ".", ""));
                }
            }
            return new Storage(values.rows(), single(s, "select count(*) from " + SearchableItem.TOKEN_TABLE),
                    single(s, "select pg_total_relation_size('" + SearchableItem.TOKEN_TABLE + "')"), tables,
                    indexes);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot measure the tables: " + e.getMessage(), e);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of the SQL Hibernate sends for {@code condition} on
     * {@code model}, with the parameters (for the searchable side, the tokens) it binds. A session-scoped statement
     * inspector prefixes the statement with EXPLAIN; the query selects one text expression, so Hibernate reads the
     * plan's lines as its results.
     */
    List<String> explain(ItemModel model, String condition, Map<String, Object> parameters) {
        UnaryOperator<String> explain = sql -> "explain (analyze, buffers) " + sql;
        try (Session session = sessionFactory.withOptions().statementInspector(explain).openSession()) {
            session.beginTransaction();
            var query = session.createSelectionQuery("select cast(e.id as String) from " + model.entity + " e where "
                    + condition, String.class);
            parameters.forEach(query::setParameter);
            List<String> plan = new ArrayList<>(query.getResultList());
            session.getTransaction().rollback();
            return plan;
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            db.close();
        }
    }
}
