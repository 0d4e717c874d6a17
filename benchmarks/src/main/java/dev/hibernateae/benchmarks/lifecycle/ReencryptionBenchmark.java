package dev.hibernateae.benchmarks.lifecycle;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.JobProgress;
import dev.hibernateae.lifecycle.JobReport;
import dev.hibernateae.lifecycle.KeyLifecycle;
import dev.hibernateae.testing.DriverManagerDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Column encryption key rotation on PostgreSQL, against a plain batched UPDATE of the same rows in the same run.
 *
 * <p>For each row count: a table of {@code id bigint primary key, secret bytea} holding deterministic cells (81
 * bytes) is created three times. The baseline rewrites every row of a copy with {@code update ... set secret = ?
 * where id = ?} in batches of the job's size, one transaction per batch, reading nothing; it runs before and after
 * the job (on two copies) and the mean is the reference. The job re-encrypts the third copy as {@code rotate-cek}
 * does: keyset batches, decrypt and verify, compare-and-set updates, checkpoint committed with each batch, then the
 * verification pass over the whole table. A 20,000-row round first warms the JIT up. Heap use is the JVM's peak over
 * the whole run; run it with {@code -Xmx256m} to check the bound.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.hibernateae.benchmarks.lifecycle.ReencryptionBenchmark
 *     --rows 100000,1000000 [--url jdbc:postgresql://127.0.0.1:5432/test] [--user postgres] [--batch-size 1000]
 *     [--workers 1]</pre>
 */
public final class ReencryptionBenchmark {
    private final String baseUrl;
    private final String user;
    private final int batchSize;
    private final int workers;
    private final Path keystore;

    private ReencryptionBenchmark(String baseUrl, String user, int batchSize, int workers, Path keystore) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.batchSize = batchSize;
        this.workers = workers;
        this.keystore = keystore;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> rows = new ArrayList<>();
        for (String count : options.getOrDefault("rows", "1000000").split(",")) {
            rows.add(Integer.parseInt(count.trim().replace("_", "")));
        }
        Path directory = Files.createTempDirectory("hae-bench");
        Path keystore = directory.resolve("cmk.p12");
        keytool(keystore);
        ReencryptionBenchmark benchmark = new ReencryptionBenchmark(
                options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test"),
                options.getOrDefault("user", "postgres"),
                Integer.parseInt(options.getOrDefault("batch-size", "1000")),
                Integer.parseInt(options.getOrDefault("workers", "1")), keystore);
        System.out.printf(Locale.ROOT, "Re-encryption of a bytea column on PostgreSQL, batch %d, workers %d, "
                + "max heap %d MiB%n", benchmark.batchSize, benchmark.workers,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("rows       | plain UPDATE rows/s | job rewrite rows/s (x) | job incl. verify rows/s (x)");
        benchmark.run(20_000, false); // warms the JIT up, reports nothing
        for (int count : rows) {
            benchmark.run(count, true);
        }
        System.out.printf(Locale.ROOT, "peak heap used: %d MiB%n", peakHeap() >> 20);
        Files.deleteIfExists(keystore);
        Files.deleteIfExists(directory);
    }

    private void run(int rows, boolean print) throws Exception {
        String schema = "ae_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(baseUrl, "create schema " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            Map<String, Object> settings = Map.of(EncryptionSettings.KEYSTORE_LOCATION, keystore.toString(),
                    EncryptionSettings.KEYSTORE_PASSWORD, "changeit", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
                    "cmk");
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, "");
            KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(dataSource).settings(settings).build();
            lifecycle.createTables();
            lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk")
                    .provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk"));
            lifecycle.administration().createColumnEncryptionKey("cek1", "cmk");
            lifecycle.administration().createColumnEncryptionKey("cek1_v2", "cmk");
            CellKey key = KeyHierarchy.builder().settings(settings).connections(ConnectionSource.of(dataSource))
                    .build().keyRing().cellKey("cek1");
            fill(url, rows, key);

            // The baseline runs before and after the job, on copies of the same table, so that a change in the
            // machine's load during the run weighs on both sides.
            double before = baseline(url, "a", rows);
            long[] verifyingAt = {0};
            long start = System.nanoTime();
            JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(ColumnRef.of("b", "secret")),
                    JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO).withBatchSize(batchSize)
                            .withWorkers(workers).withPartitions(Math.max(8, workers)).withProgress(progress -> {
                                if (progress.stage() == JobProgress.Stage.VERIFYING && verifyingAt[0] == 0) {
                                    verifyingAt[0] = System.nanoTime();
                                }
                            }));
            long end = System.nanoTime();
            if (!report.completed() || report.rewritten() != rows) {
                throw new IllegalStateException("the job did not re-encrypt every row: " + report);
            }
            double baseline = (before + baseline(url, "c", rows)) / 2;
            if (!print) {
                return;
            }
            double rewrite = rows * 1e9 / ((verifyingAt[0] == 0 ? end : verifyingAt[0]) - start);
            double total = rows / ((end - start) / 1e9);
            System.out.printf(Locale.ROOT, "%,10d | %,19.0f | %,13.0f (%.2fx) | %,17.0f (%.2fx)%n", rows, baseline,
                    rewrite, rewrite / baseline, total, total / baseline);
        } finally {
            execute(baseUrl, "drop schema " + schema + " cascade");
        }
    }

    /** Three identical tables a, b and c of {@code rows} deterministic cells, vacuumed and analyzed. */
    private void fill(String url, int rows, CellKey key) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "&reWriteBatchedInserts=true", user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table a (id bigint primary key, secret bytea not null)");
            }
            c.setAutoCommit(false);
            CellCipher cipher = new CellCipher(key, EncryptionType.DETERMINISTIC);
            try (PreparedStatement insert = c.prepareStatement("insert into a (id, secret) values (?, ?)")) {
                for (long id = 1; id <= rows; id++) {
                    insert.setLong(1, id);
                    insert.setBytes(2, cipher.encrypt(("value-" + id).getBytes(StandardCharsets.UTF_16LE)));
                    insert.addBatch();
                    if (id % 10_000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String copy : new String[] {"b", "c"}) {
                    s.execute("create table " + copy + " as select * from a");
                    s.execute("alter table " + copy + " add primary key (id)");
                }
                for (String table : new String[] {"a", "b", "c"}) {
                    s.execute("vacuum analyze " + table);
                }
            }
        }
    }

    /** A plain batched UPDATE of every row of {@code table}, in key order, one transaction per batch. */
    private double baseline(String url, String table, int rows) throws SQLException {
        byte[] value = new byte[81];
        new SecureRandom().nextBytes(value);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("update " + table + " set secret = ? where id = ?")) {
                for (long id = 1; id <= rows; id++) {
                    value[80] = (byte) id;
                    update.setBytes(1, value);
                    update.setLong(2, id);
                    update.addBatch();
                    if (id % batchSize == 0 || id == rows) {
                        update.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A PKCS12 keystore holding one RSA-2048 master key, alias cmk, made by the JDK's keytool. */
    private static void keytool(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "cmk", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=hibernate-ae benchmark", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
