package dev.hibernateae.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chain with no test doubles: a PKCS12 keystore made by keytool (Microsoft's vector keystore) holds the
 * column master key, the key tables hold the wrapped column encryption keys, and Hibernate encrypts with them.
 */
class KeyHierarchyEndToEndTest {

    static Map<String, Object> keystoreSettings() {
        Path keystore = Path.of(System.getProperty("ae.vectors.dir", "src/test/resources/vectors"), "cmk-keystore.p12");
        assertTrue(Files.isRegularFile(keystore), "vector keystore at " + keystore.toAbsolutePath());
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.KEYSTORE_LOCATION, keystore.toString());
        settings.put(EncryptionSettings.KEYSTORE_PASSWORD, "changeit");
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1");
        return settings;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysCreatedWithTheAdminApiEncryptEntityAttributes(TestDatabase database) {
        try (TestDatabase.Instance db = database.create();
                SessionFactory sf = TestSessionFactories.build(db, null, keystoreSettings(), Patient.class)) {
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(sf).build();
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1").allowEnclaveComputations(true));
            admin.createColumnEncryptionKey("cek1", "cmk1");

            // cek2 does not exist yet: the error names it and the attribute.
            RuntimeException missing = assertThrows(RuntimeException.class, () -> sf.inTransaction(s -> {
                Patient p = new Patient("795-73-9838", LocalDate.of(1980, 1, 1), "Doe");
                p.mrn = 5;
                s.persist(p);
            }));
            assertTrue(causeOf(missing, ColumnEncryptionKeyException.class).getMessage().contains("cek2"),
                    missing.toString());

            admin.createColumnEncryptionKey("cek2", "cmk1");
            sf.inTransaction(s -> {
                Patient p = new Patient("795-73-9838", LocalDate.of(1980, 1, 1), "Doe");
                p.mrn = 5;
                p.aliases.add("JD");
                s.persist(p);
            });
            List<Patient> found = sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where ssn = :ssn and mrn = :mrn", Patient.class)
                    .setParameter("ssn", "795-73-9838").setParameter("mrn", 5).getResultList());
            assertEquals(1, found.size());
            assertEquals(Set.of("JD"), found.get(0).aliases);
            assertEquals(LocalDate.of(1980, 1, 1), found.get(0).birthDate);

            RuntimeException inUse = assertThrows(RuntimeException.class, () -> admin.dropColumnEncryptionKey("cek1"));
            assertTrue(inUse.getMessage().contains("key name 'cek1' writes with it"), inUse.getMessage());
            admin.createColumnEncryptionKey("unused", "cmk1");
            admin.dropColumnEncryptionKey("unused");
            assertEquals(Set.of("cek1", "cek2"), admin.listColumnEncryptionKeys().stream()
                    .map(k -> k.name()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }
}
