package dev.hibernateae.lifecycle;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static dev.hibernateae.testing.keys.KeyFixture.PATH_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A column master key rotation touches no data, and a running application follows it without a restart: during
 * the rotation either master key unwraps its keys; once the old one is gone from the key store and from the
 * database, the application's next key load (its cache time to live) unwraps with the new one.
 */
class MasterKeyRotationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunningApplicationFollowsAMasterKeyRotation(TestDatabase database) throws InterruptedException {
        TestRsaProvider provider = new TestRsaProvider(TestRsaProvider.NAME, PATH_1, PATH_2);
        try (TestDatabase.Instance db = database.create()) {
            Map<String, Object> settings = Map.of(EncryptionSettings.PROVIDERS, List.of(provider),
                    EncryptionSettings.KEY_CACHE_TTL, "0", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH_1 + "," + PATH_2);
            try (SessionFactory sf = TestSessionFactories.build(db, null, settings, Patient.class)) {
                KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db)).settings(KeyFixture.TRUSTED)
                        .provider(provider).build();
                lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider(TestRsaProvider.NAME).keyPath(PATH_1));
                lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk2")
                        .provider(TestRsaProvider.NAME).keyPath(PATH_2));
                lifecycle.administration().createColumnEncryptionKey("cek1", "cmk1");
                lifecycle.administration().createColumnEncryptionKey("cek2", "cmk1");
                persist(sf, "100-00-0001", "Ada");

                assertThrows(ColumnMasterKeyException.class,
                        () -> lifecycle.completeMasterKeyRotation("cmk1", "cmk2", true),
                        "completing before starting would leave keys without a value");
                List<ColumnEncryptionKeyInfo> started = lifecycle.startMasterKeyRotation("cmk1", "cmk2");
                assertEquals(2, started.size());
                started.forEach(k -> assertEquals(List.of("cmk1", "cmk2"), k.columnMasterKeyNames()));
                assertEquals(started, lifecycle.startMasterKeyRotation("cmk1", "cmk2"), "idempotent");

                // An application instance that can reach only the new master key already works.
                provider.unavailable(PATH_1, true);
                persist(sf, "100-00-0002", "Brook");
                provider.unavailable(PATH_1, false);

                List<ColumnEncryptionKeyInfo> completed = lifecycle.completeMasterKeyRotation("cmk1", "cmk2", true);
                completed.forEach(k -> assertEquals(List.of("cmk2"), k.columnMasterKeyNames()));
                assertTrue(lifecycle.administration().listColumnMasterKeys().stream()
                        .noneMatch(k -> k.name().equals("cmk1")));

                // The old master key leaves the key store; the same running application keeps working.
                provider.unavailable(PATH_1, true);
                int unwrapsBefore = provider.unwraps(PATH_2);
                persist(sf, "100-00-0003", "Cole");
                List<String> names = sf.fromTransaction(s -> s.createSelectionQuery(
                        "select p.lastName from Patient p where p.ssn in ('100-00-0001', '100-00-0003') order by 1",
                        String.class).getResultList());
                assertEquals(List.of("Ada", "Cole"), names);
                assertTrue(provider.unwraps(PATH_2) > unwrapsBefore, "unwrapped with the new master key");
            }
        }
    }

    private static void persist(SessionFactory sf, String ssn, String name) {
        sf.inTransaction(s -> {
            Patient p = new Patient(ssn, LocalDate.of(1990, 1, 1), name);
            p.mrn = 1;
            s.persist(p);
        });
    }
}
