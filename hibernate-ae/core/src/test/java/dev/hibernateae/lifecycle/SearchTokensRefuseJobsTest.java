package dev.hibernateae.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.search.Person;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The jobs do not re-derive search tokens yet, so they refuse tables that have them, before announcing anything:
 * a rotation that ran would leave the tokens under the old key, and searches would then miss every row.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SearchTokensRefuseJobsTest {
    private static final String PATH = "keys/search";

    @Parameter
    TestDatabase database;

    @Test
    void aRotationOfAKeyNameWithSearchTokensIsRefusedAndSearchesKeepWorking() {
        TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
        try (TestDatabase.Instance db = database.create()) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
            settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
            settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
            settings.put("hibernate.hbm2ddl.auto", "create");
            try (SessionFactory app = TestSessionFactories.build(db, null, settings, Person.class)) {
                ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(app).build();
                admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider(TestRsaProvider.NAME)
                        .keyPath(PATH));
                for (String key : List.of("cek1", "cek1_v2", "cek2")) {
                    admin.createColumnEncryptionKey(key, "cmk1");
                }
                LifecycleTestSupport.poll(app);
                app.inTransaction(s -> s.persist(new Person("111-22-3333", "Smith", "Oslo", 1, "n")));

                KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                        .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore)
                        .build();
                JobOptions options = JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO);
                AlwaysEncryptedException refused = assertThrows(AlwaysEncryptedException.class,
                        () -> lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), options));
                assertTrue(refused.getMessage().contains("has search tokens"), refused.getMessage());
                assertEquals(List.of(), lifecycle.status().rotations(), "nothing was announced");

                LifecycleTestSupport.poll(app);
                assertEquals(1, app.fromTransaction(s -> s.createSelectionQuery(
                        "from Person where lastName like :p", Person.class).setParameter("p", "Smi%")
                        .getResultList()).size());
            }
        }
    }
}
