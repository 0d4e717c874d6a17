package dev.hibernateae.jta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.boot.KeyHierarchyService;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.lifecycle.KeyLifecycle;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.HibernateLineExpectations;
import dev.hibernateae.testing.Narayana;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.keys.TestRsaProvider;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15: hibernate-ae in a JTA environment as Quarkus sets it up (Narayana, an Agroal pool that enlists its
 * connections, {@code hibernate.transaction.coordinator_class=jta}). Keys and lifecycle records are read on
 * connections of their own with the application's transaction suspended, so the first encrypted value written or
 * read inside a transaction loads its key; a rollback of the application undoes none of that work, and the
 * application's transaction stays the same, active, and commits its own writes together.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
class JtaTransactionTest {
    private static final String PATH = "keys/jta";

    @Parameter
    TestDatabase database;

    private final TransactionManager tm = Narayana.transactionManager();
    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private TestDatabase.Instance db;

    @BeforeEach
    void databaseWithKeys() {
        db = database.create();
        closing.add(db);
        KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore).build();
        lifecycle.createTables();
        ColumnKeyAdministration admin = lifecycle.administration();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider(TestRsaProvider.NAME).keyPath(PATH));
        admin.createColumnEncryptionKey("cek1", "cmk1");
    }

    @AfterEach
    void close() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private SessionFactory factory(boolean startupCheck) {
        AgroalDataSource pool = Narayana.pool(db);
        closing.add(pool);
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", pool);
        settings.put("hibernate.transaction.coordinator_class", "jta");
        settings.put("hibernate.transaction.jta.platform", HibernateLineExpectations.NARAYANA_JTA_PLATFORM);
        settings.put("hibernate.transaction.flush_before_completion", "true"); // as in Jakarta Persistence
        settings.put("hibernate.hbm2ddl.auto", "create");
        settings.put(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, "false");
        settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.put(EncryptionSettings.STARTUP_CHECK, Boolean.toString(startupCheck));
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(JtaNote.class).buildMetadata()
                    .buildSessionFactory();
            closing.add(factory);
            return factory;
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Forgets the keys the factory loaded at startup, so the next encrypted value loads its key again. */
    private static void coldKeyCache(SessionFactory factory) {
        factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(KeyHierarchyService.class).hierarchy().keyRing().invalidateAll();
    }

    private static int cachedKeys(SessionFactory factory) {
        return factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(KeyHierarchyService.class).hierarchy().keyRing().size();
    }

    @Test
    void theFirstEncryptedWriteInsideATransactionLoadsItsKeyAndTheTransactionCommitsAsOne() throws Exception {
        SessionFactory factory = factory(false);
        coldKeyCache(factory);
        tm.begin();
        Transaction application = tm.getTransaction();
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(1L, "first secret", "one"));
            session.flush(); // the key is loaded here, in the middle of the application's transaction
            assertSame(application, tm.getTransaction(), "the application's transaction is back on the thread");
            assertEquals(Status.STATUS_ACTIVE, tm.getStatus());
            session.persist(new JtaNote(2L, "second secret", "two"));
            assertEquals(List.of(), labels(), "nothing committed before the application commits");
            tm.commit();
        }
        assertEquals(List.of("one", "two"), labels(), "both writes committed together");
        assertFalse(new String(storedSecret(1L), StandardCharsets.UTF_8).contains("first secret"));
        assertEquals(1, cachedKeys(factory));
    }

    @Test
    void theFirstWriteFlushedAtCommitLoadsItsKey() throws Exception {
        SessionFactory factory = factory(false);
        coldKeyCache(factory);
        tm.begin();
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(1L, "flushed at commit", "one"));
            tm.commit(); // Hibernate flushes before completion: the key is loaded inside the commit
        }
        assertEquals(List.of("one"), labels());
    }

    @Test
    void theFirstEncryptedReadInsideATransactionLoadsItsKey() throws Exception {
        SessionFactory factory = factory(false);
        tm.begin();
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(1L, "read me", "one"));
            tm.commit();
        }
        coldKeyCache(factory);

        tm.begin();
        Transaction application = tm.getTransaction();
        try (Session session = factory.openSession()) {
            JtaNote found = session.createSelectionQuery("from JtaNote where secret = :s", JtaNote.class)
                    .setParameter("s", "read me").getSingleResult();
            assertEquals("read me", found.secret);
            assertSame(application, tm.getTransaction());
            found.label = "changed";
            tm.commit();
        }
        assertEquals(List.of("changed"), labels());
    }

    @Test
    void aRollbackOfTheApplicationUndoesNoKeyWorkAndALaterTransactionWorks() throws Exception {
        SessionFactory factory = factory(false);
        coldKeyCache(factory);
        tm.begin();
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(1L, "rolled back", "one"));
            session.flush();
            tm.rollback();
        }
        assertEquals(List.of(), labels());
        assertEquals(1, cachedKeys(factory), "the key loaded in the rolled back transaction stays cached");
        assertEquals(1, count("hae_column_encryption_keys"), "the key tables are intact");
        assertEquals(1, count("hae_column_encryption_key_values"));

        tm.begin();
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(2L, "committed", "two"));
            tm.commit();
        }
        coldKeyCache(factory);
        tm.begin();
        try (Session session = factory.openSession()) {
            assertEquals("committed", session.find(JtaNote.class, 2L).secret);
            assertNull(session.find(JtaNote.class, 1L));
            tm.commit();
        }
    }

    @Test
    void theStartupCheckRunsInAFactoryBuiltInsideATransaction() throws Exception {
        tm.begin();
        Transaction application = tm.getTransaction();
        SessionFactory factory = factory(true); // a persistence unit started lazily, by a transactional request
        assertSame(application, tm.getTransaction());
        assertEquals(Status.STATUS_ACTIVE, tm.getStatus());
        assertEquals(1, cachedKeys(factory), "the startup check loaded cek1");
        try (Session session = factory.openSession()) {
            session.persist(new JtaNote(1L, "after the check", "one"));
            tm.commit();
        }
        assertEquals(List.of("one"), labels());
    }

    @Test
    void theLifecyclePollerWorksWhileTheThreadTakesPartInATransaction() throws Exception {
        SessionFactory factory = factory(false);
        ColumnKeyAdministration.builder().dataSource(DriverManagerDataSource.of(db))
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore).build()
                .createColumnEncryptionKey("cek1_v2", "cmk1");
        LifecycleTestSupport.rotation(LifecycleTestSupport.runtime(factory).keyRing(), db, "cek1", "cek1", "cek1_v2",
                KeyRotation.Phase.ANNOUNCED);
        execute("delete from hae_encrypted_columns");
        coldKeyCache(factory);
        tm.begin();
        Transaction application = tm.getTransaction();
        // Reads the records, sees the rotation, registers the columns again (loading cek1 and cek1_v2)
        LifecycleTestSupport.poll(factory);
        assertSame(application, tm.getTransaction());
        assertEquals(Status.STATUS_ACTIVE, tm.getStatus());
        tm.rollback();
        assertNotNull(LifecycleTestSupport.watcher(factory).current().rotation("cek1"), "the poll saw the rotation");
        assertEquals(1, count("hae_encrypted_columns"), "registered by the poll, in work of its own");
    }

    private List<String> labels() throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select label from jta_note order by id"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                labels.add(rows.getString(1));
            }
        }
        return labels;
    }

    private byte[] storedSecret(long id) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select secret from jta_note where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getBytes(1);
            }
        }
    }

    private int count(String table) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select count(*) from " + table); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sql) {
        LifecycleTestSupport.execute(db, sql);
    }
}
