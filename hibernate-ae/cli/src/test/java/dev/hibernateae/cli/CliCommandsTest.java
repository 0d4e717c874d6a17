package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.security.model.Citizen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the tool, in process, on an H2 database with Microsoft's vector keystore (master keys cmk1 and
 * cmk2): what it prints, what it changes, its exit codes, and that it never prints key bytes.
 */
class CliCommandsTest {
    private static final String[] COMMANDS = {"create-cmk", "create-cek", "drop-cek", "list-keys", "rotate-cmk",
            "rotate-cek", "encrypt-column", "decrypt-column", "rebuild-tokens", "status", "authenticate-records"};

    @TempDir
    Path directory;
    private String url;
    private Path keystore;
    private Map<String, String> env;
    private List<String> common;

    @BeforeEach
    void databaseAndKeystore() throws Exception {
        url = "jdbc:h2:mem:cli_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        keystore = directory.resolve("keystore.p12");
        Files.copy(Path.of(System.getProperty("ae.vectors.dir"), "cmk-keystore.p12"), keystore,
                StandardCopyOption.REPLACE_EXISTING);
        env = Map.of("HAE_KEYSTORE_PASSWORD", "changeit");
        common = List.of("--url", url, "--keystore", keystore.toString(), "--trusted-key-paths", "cmk1,cmk2");
    }

    private CliRun run(String... args) {
        return CliRun.of(env, common, args);
    }

    private CliRun ok(String... args) {
        CliRun run = run(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    private void keys() {
        ok("create-cmk", "cmk1", "--key-path", "cmk1");
        ok("create-cek", "cek1", "--cmk", "cmk1");
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasItsOwn() {
        CliRun overview = CliRun.of(env, List.of(), "help");
        assertEquals(0, overview.exitCode());
        for (String command : COMMANDS) {
            assertTrue(overview.out().contains(command), command);
            CliRun help = CliRun.of(env, List.of(), command, "--help");
            assertEquals(0, help.exitCode(), help.toString());
            assertTrue(help.out().startsWith("Usage: hibernate-ae-cli " + command), help.out());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("--url JDBC_URL"), help.out());
        }
        assertEquals(2, CliRun.of(env, List.of()).exitCode(), "no command");
        assertEquals(2, CliRun.of(env, List.of(), "rotate").exitCode(), "unknown command");
    }

    @Test
    void usageAndConfigurationErrorsHaveTheirExitCodes() {
        CliRun unknownOption = run("list-keys", "--colour");
        assertEquals(2, unknownOption.exitCode());
        assertTrue(unknownOption.err().contains("Unknown option --colour"), unknownOption.err());
        assertEquals(2, run("create-cek", "cek1").exitCode(), "--cmk is required");
        assertEquals(2, run("rotate-cek", "--key", "cek1").exitCode(), "no --to");
        assertEquals(2, run("drop-cek").exitCode(), "no key name");
        assertEquals(2, run("encrypt-column", "--key", "cek1", "--column", "t.c", "--type", "sideways",
                "--java-type", "string").exitCode());
        assertEquals(2, run("rebuild-tokens").exitCode(), "no --table");
        assertEquals(2, run("rebuild-tokens", "--table", "item", "--column", "item.secret").exitCode(),
                "--column does not go with rebuild-tokens");
        CliRun noDatabase = CliRun.of(env, List.of(), "list-keys");
        assertEquals(4, noDatabase.exitCode(), noDatabase.toString());
        assertTrue(noDatabase.err().contains("HAE_URL"), noDatabase.err());
        CliRun missingPasswordVariable = run("list-keys", "--password-env", "NO_SUCH_VARIABLE");
        assertEquals(4, missingPasswordVariable.exitCode(), missingPasswordVariable.toString());
    }

    @Test
    void keysAreCreatedAndListedWithoutTheirBytes() throws SQLException {
        CliRun cmk = ok("create-cmk", "cmk1", "--key-path", "cmk1");
        assertTrue(cmk.out().contains("Created column master key 'cmk1' (provider MSSQL_JAVA_KEYSTORE, key path "
                + "'cmk1')"), cmk.out());
        assertTrue(ok("create-cek", "cek1", "--cmk", "cmk1").out().contains("'cek1' wrapped by [cmk1]"));
        CliRun list = ok("list-keys");
        assertTrue(list.out().contains("cmk1  provider MSSQL_JAVA_KEYSTORE  key path 'cmk1'"), list.out());
        assertTrue(list.out().contains("cek1  wrapped by cmk1"), list.out());
        byte[] wrapped = scalarBytes("select encrypted_value from hae_column_encryption_key_values");
        String everything = list.out() + list.err() + cmk.out();
        assertFalse(everything.toLowerCase().contains(HexFormat.of().formatHex(wrapped, 0, 16)));
        assertFalse(everything.contains(java.util.Base64.getEncoder().encodeToString(wrapped).substring(0, 16)));

        CliRun failed = run("create-cek", "cek2", "--cmk", "nope");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().contains("Column master key 'nope'"), failed.err());
    }

    @Test
    void withIfMissingAKeyThatExistsAsAskedIsFineAndOneThatDiffersFails() {
        CliRun created = ok("create-cmk", "cmk1", "--key-path", "cmk1", "--if-missing");
        assertTrue(created.out().contains("Created column master key 'cmk1' (provider MSSQL_JAVA_KEYSTORE, key path "
                + "'cmk1')"), created.out());
        CliRun again = ok("create-cmk", "cmk1", "--key-path", "cmk1", "--provider", "mssql_java_keystore",
                "--if-missing");
        assertTrue(again.out().contains("Column master key 'cmk1' already exists as asked (provider "
                + "MSSQL_JAVA_KEYSTORE, key path 'cmk1')"), again.out());
        CliRun withoutIfMissing = run("create-cmk", "cmk1", "--key-path", "cmk1");
        assertEquals(1, withoutIfMissing.exitCode(), withoutIfMissing.toString());
        assertTrue(withoutIfMissing.err().contains("'cmk1' already exists"), withoutIfMissing.err());

        CliRun otherPath = run("create-cmk", "cmk1", "--key-path", "cmk2", "--if-missing");
        assertEquals(1, otherPath.exitCode(), otherPath.toString());
        assertTrue(otherPath.err().contains("create-cmk failed: Column master key 'cmk1' exists, but not as asked: it "
                + "has key path 'cmk1' (asked: 'cmk2')"), otherPath.err());
        CliRun enclave = run("create-cmk", "cmk1", "--key-path", "cmk1", "--enclave", "--if-missing");
        assertEquals(1, enclave.exitCode(), enclave.toString());
        assertTrue(enclave.err().contains("allow enclave computations false (asked: true)"), enclave.err());

        CliRun cek = ok("create-cek", "cek1", "--cmk", "cmk1", "--if-missing");
        assertTrue(cek.out().contains("Created column encryption key 'cek1' wrapped by [cmk1]"), cek.out());
        CliRun cekAgain = ok("create-cek", "cek1", "--cmk", "cmk1", "--if-missing");
        assertTrue(cekAgain.out().contains("Column encryption key 'cek1' already exists, wrapped by [cmk1]"),
                cekAgain.out());
        ok("create-cmk", "cmk2", "--key-path", "cmk2");
        CliRun otherMasterKey = run("create-cek", "cek1", "--cmk", "cmk2", "--if-missing");
        assertEquals(1, otherMasterKey.exitCode(), otherMasterKey.toString());
        assertTrue(otherMasterKey.err().contains("create-cek failed: Column encryption key 'cek1' exists, but column "
                + "master key 'cmk2' does not wrap it: its values are wrapped by [cmk1]"), otherMasterKey.err());

        CliRun list = ok("list-keys");
        assertTrue(list.out().contains("cmk1  provider MSSQL_JAVA_KEYSTORE  key path 'cmk1'"), list.out());
        assertTrue(list.out().contains("cek1  wrapped by cmk1"), list.out());
    }

    @Test
    void aMasterKeyRotationStartsAndCompletes() {
        keys();
        ok("create-cmk", "cmk2", "--key-path", "cmk2");
        assertEquals(1, run("rotate-cmk", "--from", "cmk1", "--to", "cmk2", "--complete").exitCode(),
                "completing before starting");
        CliRun started = ok("rotate-cmk", "--from", "cmk1", "--to", "cmk2");
        assertTrue(started.out().contains("cek1  wrapped by cmk1, cmk2"), started.out());
        assertEquals(2, run("rotate-cmk", "--from", "cmk1", "--to", "cmk2", "--drop-old").exitCode());
        CliRun completed = ok("rotate-cmk", "--from", "cmk1", "--to", "cmk2", "--complete", "--drop-old");
        assertTrue(completed.out().contains("cek1  wrapped by cmk2"), completed.out());
        CliRun list = ok("list-keys");
        assertFalse(list.out().contains("cmk1"), list.out());
    }

    @Test
    void anEncryptionKeyRotationReencryptsTheColumnsAndStatusShowsIt() throws SQLException {
        keys();
        CellKey cek1 = cellKey("cek1");
        execute("create table item (id bigint primary key, secret varbinary(100))");
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("insert into item values (?, ?)")) {
            for (long id = 1; id <= 500; id++) {
                insert.setLong(1, id);
                insert.setBytes(2, new CellCipher(cek1, EncryptionType.DETERMINISTIC).encrypt(
                        ("value-" + id).getBytes(StandardCharsets.UTF_16LE)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        CliRun rotated = ok("rotate-cek", "--key", "cek1", "--to", "cek1_v2", "--create-target", "--column",
                "item.secret", "--wait", "0", "--batch-size", "64", "--workers", "2");
        assertTrue(rotated.out().contains("Created column encryption key 'cek1_v2' wrapped by [cmk1]"), rotated.out());
        assertTrue(rotated.out().contains("completed") && rotated.out().contains("rows walked 500, values "
                + "rewritten 500"), rotated.out());
        assertTrue(rotated.err().contains("500 / 500 rows (100.0%)"), rotated.err());
        CellKey next = cellKey("cek1_v2");
        assertEquals("value-42", new String(new CellCipher(next, EncryptionType.DETERMINISTIC).decrypt(
                scalarBytes("select secret from item where id = 42")), StandardCharsets.UTF_16LE));
        CliRun status = ok("status");
        assertTrue(status.out().contains("cek1: cek1 -> cek1_v2  COMPLETED"), status.out());
        assertTrue(ok("list-keys").out().contains("cek1 -> cek1_v2"));

        // A value in neither form: the job leaves it, says so, and exits 3; status shows the rotation open.
        execute("update item set secret = X'" + "01".repeat(65) + "' where id = 7");
        CliRun incomplete = run("rotate-cek", "--key", "cek1", "--to", "cek1_v3", "--create-target", "--column",
                "item.secret", "--wait", "0", "--no-progress");
        assertEquals(3, incomplete.exitCode(), incomplete.toString());
        assertTrue(incomplete.err().contains("item row (7) column secret"), incomplete.err());
        assertEquals(3, run("status").exitCode());

        // A table without search tokens has no token spec to rebuild them from: refused, nothing changed.
        CliRun noSpec = run("rebuild-tokens", "--table", "item", "--no-progress");
        assertEquals(1, noSpec.exitCode(), noSpec.toString());
        assertTrue(noSpec.err().contains("has no token spec in hae_search_tables"), noSpec.err());
    }

    @Test
    void aRotationFindsTheColumnsTheApplicationRegisteredAndTheOldKeyIsThenDropped() throws SQLException {
        keys();
        ok("create-cek", "cek_cards", "--cmk", "cmk1");
        Map<String, Object> settings = Map.of("hibernate.connection.url", url, "hibernate.hbm2ddl.auto", "update",
                EncryptionSettings.KEYSTORE_LOCATION, keystore.toString(), EncryptionSettings.KEYSTORE_PASSWORD,
                "changeit", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1",
                EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        try (SessionFactory app = new MetadataSources(new StandardServiceRegistryBuilder().applySettings(settings)
                .build()).addAnnotatedClass(Citizen.class).buildMetadata().buildSessionFactory()) {
            app.inTransaction(s -> {
                for (long id = 1; id <= 40; id++) {
                    s.persist(new Citizen(id, String.format("100-00-%04d", id), "note " + id, "4111-" + id, "c" + id));
                }
            });
        }
        CliRun refused = run("drop-cek", "cek1");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("key name 'cek1' writes with it"), refused.err());

        CliRun rotated = ok("rotate-cek", "--key", "cek1", "--to", "cek1_v2", "--create-target", "--wait", "0",
                "--no-progress");
        assertTrue(rotated.out().contains("values rewritten 80"), rotated.out());
        assertTrue(ok("drop-cek", "cek1").out().contains("Dropped column encryption key 'cek1'"));
        CliRun stillUsed = run("drop-cek", "cek_cards");
        assertEquals(1, stillUsed.exitCode(), stillUsed.toString());
        assertTrue(stillUsed.err().contains("cek_cards"), stillUsed.err());
        assertTrue(ok("list-keys").out().contains("cek1 -> cek1_v2"));
    }

    @Test
    void aColumnIsEncryptedInPlaceAndDecryptedBack() throws SQLException {
        keys();
        execute("create table person (id bigint primary key, email varchar(60))");
        execute("insert into person select x, 'p' || x || '@example.com' from system_range(1, 200)");
        execute("alter table person add column email_bin varbinary(240)");
        execute("update person set email_bin = cast(email as varbinary)");
        execute("alter table person drop column email");
        execute("alter table person alter column email_bin rename to email");
        String[] column = {"--key", "cek1", "--column", "person.email", "--type", "deterministic", "--java-type",
                "string", "--length", "60", "--wait", "0"};
        CliRun announced = ok(concat("encrypt-column", concat("--announce-only", column)));
        assertTrue(announced.out().contains("Deploy the application with @Encrypted"), announced.out());
        assertTrue(run("status").out().contains("person.email: ENCRYPT under key name cek1 (DETERMINISTIC)  "
                + "RUNNING"));
        CliRun encrypted = ok(concat("encrypt-column", column));
        assertTrue(encrypted.out().contains("rows walked 200, values rewritten 200"), encrypted.out());
        byte[] expected = new CellCipher(cellKey("cek1"), EncryptionType.DETERMINISTIC)
                .encrypt("p5@example.com".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(
                scalarBytes("select email from person where id = 5")), "the cell the attribute would write");
        assertTrue(ok("status").out().contains("person.email: ENCRYPT under key name cek1 (DETERMINISTIC)  "
                + "COMPLETED"));

        CliRun decrypted = ok(concat("decrypt-column", column));
        assertTrue(decrypted.out().contains("values rewritten 200"), decrypted.out());
        assertEquals("p5@example.com", new String(scalarBytes("select email from person where id = 5"),
                StandardCharsets.UTF_8));
        ok("decrypt-column", "--forget", "--column", "person.email");
        assertTrue(ok("status").out().contains("Columns in transition (0)"));
    }

    @Test
    void settingsComeFromFlagsThenEnvironmentThenAConfigFile() throws Exception {
        Path config = directory.resolve("hae.properties");
        Files.writeString(config, "url=jdbc:h2:mem:never_used\nhibernate.ae.keystore.location=" + keystore
                + "\nhibernate.ae.keystore.password_env=MY_KEYSTORE_PASSWORD\n");
        Map<String, String> environment = Map.of("HAE_URL", url, "MY_KEYSTORE_PASSWORD", "changeit");
        CliRun created = CliRun.of(environment, List.of("--config", config.toString()), "create-cmk", "cmk1",
                "--key-path", "cmk1");
        assertEquals(0, created.exitCode(), created.toString());
        CliRun listed = CliRun.of(Map.of("HAE_CONFIG", config.toString()), List.of("--url", url), "list-keys");
        assertTrue(listed.out().contains("cmk1"), listed.toString());
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private CellKey cellKey(String name) {
        return KeyHierarchy.builder().settings(Map.of(dev.hibernateae.api.EncryptionSettings.KEYSTORE_LOCATION,
                keystore.toString(), dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD, "changeit",
                dev.hibernateae.api.EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1,cmk2"))
                .connections(this::connect).build().keyRing().cellKey(name);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private byte[] scalarBytes(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getBytes(1);
        }
    }
}
