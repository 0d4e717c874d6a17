package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.lifecycle.KeyLifecycle;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * For the crash tests: the key store of the vectors (master key {@code cmk1}), key tables with column encryption keys
 * wrapped by it, and {@code hibernate-ae-cli} started in a JVM of its own, so that a test can kill it with
 * {@code kill -9}.
 */
final class KillableCli {
    private final TestDatabase.Instance db;
    private final Path keystore;
    private final Path directory;

    /** Copies the vectors' key store into {@code directory}, where the runs' logs go too. */
    KillableCli(TestDatabase.Instance db, Path directory) throws IOException {
        this.db = db;
        this.directory = directory;
        this.keystore = directory.resolve("keystore.p12");
        Files.copy(Path.of(System.getProperty("ae.vectors.dir"), "cmk-keystore.p12"), keystore);
    }

    /** The settings that open the key store and trust its master key path. */
    Map<String, Object> keySettings() {
        return Map.of(EncryptionSettings.KEYSTORE_LOCATION, keystore.toString(), EncryptionSettings.KEYSTORE_PASSWORD,
                "changeit", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1");
    }

    /** Creates the key tables, master key {@code cmk1} and the column encryption keys {@code names}. */
    KeyLifecycle createKeys(String... names) {
        KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                .settings(keySettings()).build();
        lifecycle.createTables();
        lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1"));
        for (String name : names) {
            lifecycle.administration().createColumnEncryptionKey(name, "cmk1");
        }
        return lifecycle;
    }

    /** Starts {@code hibernate-ae-cli <arguments> --keystore ...}, its output in {@link #log(int)}. */
    Process start(int run, List<String> arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath, "dev.hibernateae.cli.Main"));
        command.addAll(arguments);
        command.addAll(List.of("--keystore", keystore.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HAE_URL", db.url());
        builder.environment().put("HAE_USER", db.user());
        builder.environment().put("HAE_KEYSTORE_PASSWORD", "changeit");
        builder.environment().put("HAE_TRUSTED_KEY_PATHS", "cmk1");
        builder.redirectErrorStream(true).redirectOutput(log(run).toFile());
        return builder.start();
    }

    /** Rows the jobs' committed checkpoints account for, over every job's partitions. */
    long rowsDone() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select coalesce(sum(rows_done), 0) from hae_lifecycle_jobs")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (up to a minute) until {@code job} committed a batch beyond {@code baseline}, or ended. */
    void awaitCommit(Process job, long baseline) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.isAlive() && rowsDone() == baseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The output of run {@code run}. */
    Path log(int run) {
        return directory.resolve("run-" + run + ".log");
    }
}
