package dev.hibernateae.internal.keys.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.TestRsaProvider;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hibernate schema generation on H2 creates the key tables when missing, and never drops or empties them. */
class KeyTablesSchemaGenerationTest {
    private final String url = "jdbc:h2:mem:ae_keyring_" + UUID.randomUUID().toString().substring(0, 8)
            + ";DB_CLOSE_DELAY=-1";
    private final List<SessionFactory> factories = new ArrayList<>();

    @Entity(name = "Patient")
    public static class Patient {
        @Id
        Long id;
        String lastName;
    }

    @AfterEach
    void closeAndDrop() throws SQLException {
        factories.forEach(SessionFactory::close);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("shutdown");
        }
    }

    @Test
    void createMakesTheKeyTablesBesideTheEntityTables() throws SQLException {
        boot("create", Map.of());
        assertTrue(tables().containsAll(List.of("patient", KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                KeyTables.ENCRYPTION_KEY_VALUES)), tables().toString());
    }

    @Test
    void createDropLeavesTheKeyTablesInPlace() throws SQLException {
        SessionFactory factory = boot("create-drop", Map.of());
        assertTrue(tables().contains(KeyTables.ENCRYPTION_KEYS));
        factory.close();
        List<String> after = tables();
        assertFalse(after.contains("patient"), "create-drop drops the entity tables");
        assertTrue(after.contains(KeyTables.ENCRYPTION_KEYS), "but never the keys");
    }

    @Test
    void updateCreatesMissingKeyTables() throws SQLException {
        boot("update", Map.of());
        assertTrue(tables().containsAll(List.of(KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                KeyTables.ENCRYPTION_KEY_VALUES)), tables().toString());
    }

    @Test
    void updateAndCreateKeepExistingKeysIntact() throws SQLException {
        SessionFactory first = boot("update", Map.of());
        TestRsaProvider provider = new TestRsaProvider(TestRsaProvider.NAME, KeyFixture.PATH_1);
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(first).provider(provider)
                .build();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider(TestRsaProvider.NAME).keyPath(KeyFixture.PATH_1));
        admin.createColumnEncryptionKey("cek1", "cmk1");
        first.close();

        // halt_on_error makes any failing DDL statement of create fail the boot.
        boot("update", Map.of(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true"));
        boot("create", Map.of(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true"));
        SessionFactory last = boot("update", Map.of());

        ColumnKeyAdministration again = ColumnKeyAdministration.builder().sessionFactory(last).provider(provider)
                .build();
        assertEquals(List.of("cmk1"), again.listColumnMasterKeys().stream().map(k -> k.name()).toList());
        assertEquals(List.of("cmk1"), again.encryptionKey("cek1").columnMasterKeyNames());
    }

    @Test
    void theGeneratedScriptCreatesTheKeyTablesOnlyIfMissingAndNeverDropsThem(@TempDir Path directory)
            throws Exception {
        Path create = directory.resolve("create.sql");
        Path drop = directory.resolve("drop.sql");
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "drop-and-create");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, create.toString());
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_DROP_TARGET, drop.toString());
        boot("none", settings);

        String created = Files.readString(create).toLowerCase(Locale.ROOT);
        assertTrue(created.contains("create table if not exists " + KeyTables.ENCRYPTION_KEY_VALUES), created);
        assertFalse(Files.readString(drop).toLowerCase(Locale.ROOT).contains("hae_"), Files.readString(drop));
    }

    @Test
    void theKeyTablesCanBeLeftOutOfSchemaGeneration() throws SQLException {
        boot("create", Map.of(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, "false"));
        List<String> tables = tables();
        assertTrue(tables.contains("patient"));
        assertFalse(tables.contains(KeyTables.ENCRYPTION_KEYS), tables.toString());
    }

    private SessionFactory boot(String action, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, url);
        settings.put(AvailableSettings.HBM2DDL_AUTO, action);
        settings.putAll(KeyFixture.TRUSTED);
        settings.putAll(extra);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(Patient.class).buildMetadata()
                    .buildSessionFactory();
            factories.add(factory);
            return factory;
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private List<String> tables() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            return tables;
        }
    }
}
