package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.azure.AzureKeyVaultProvider;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spring.azure.AzureKeyVaultProviderBuilderCustomizer;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/** What the auto-configuration contributes, without starting Hibernate. */
class HibernateAeAutoConfigurationTest {
    static final TokenCredential CREDENTIAL = request -> Mono.just(new AccessToken("t", OffsetDateTime.now()));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HibernateAeAutoConfiguration.class));

    @Test
    void dedicatedPropertiesReachTheHibernateSettings() {
        runner.withPropertyValues("hibernate-ae.keystore.location=/keys/cmk.p12",
                "hibernate-ae.keystore.password-env=CMK_PASSWORD", "hibernate-ae.key-cache-ttl=90m",
                "hibernate-ae.trusted-master-key-paths=cmk1,cmk2", "hibernate-ae.unreadable-attributes=null",
                "hibernate-ae.key-tables.schema-generation=false").run(context -> {
                    Map<String, Object> settings = customize(context.getBean(EncryptionSettingsCustomizer.class));
                    assertEquals("/keys/cmk.p12", settings.get(EncryptionSettings.KEYSTORE_LOCATION));
                    assertEquals("CMK_PASSWORD", settings.get(EncryptionSettings.KEYSTORE_PASSWORD_ENV));
                    assertEquals("PT1H30M", settings.get(EncryptionSettings.KEY_CACHE_TTL));
                    assertEquals("cmk1,cmk2", settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
                    assertEquals("null", settings.get(EncryptionSettings.UNREADABLE_ATTRIBUTES));
                    assertEquals("false", settings.get(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION));
                });
    }

    @Test
    void aMisspeltPropertyStopsStartupNamingIt() {
        runner.withPropertyValues("hibernate-ae.keystore.locaton=/keys/cmk.p12").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "a misspelt property must not be ignored");
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("hibernate-ae.keystore.locaton"), messages.toString());
        });
    }

    @Test
    void providerBeansAreRegisteredWithHibernate() {
        TestRsaProvider provider = new TestRsaProvider("BEAN_PROVIDER", "key1");
        runner.withBean(ColumnMasterKeyProvider.class, () -> provider).run(context -> {
            List<?> providers = (List<?>) customize(context.getBean(EncryptionSettingsCustomizer.class))
                    .get(EncryptionSettings.PROVIDERS);
            assertEquals(List.of(provider), providers);
        });
    }

    @Test
    void aTokenCredentialBeanTurnsOnTheAzureKeyVaultProvider() {
        AtomicInteger customized = new AtomicInteger();
        runner.withBean(TokenCredential.class, () -> CREDENTIAL)
                .withBean(AzureKeyVaultProviderBuilderCustomizer.class, () -> builder -> customized.incrementAndGet())
                .withPropertyValues("hibernate-ae.azure-key-vault.trusted-hosts=vault.example.org")
                .run(context -> {
                    AzureKeyVaultProvider provider = context.getBean(AzureKeyVaultProvider.class);
                    assertEquals(List.of("vault.example.org"), provider.trustedHosts());
                    assertEquals(1, customized.get());
                    List<?> providers = (List<?>) customize(context.getBean(EncryptionSettingsCustomizer.class))
                            .get(EncryptionSettings.PROVIDERS);
                    assertEquals(List.of(provider), providers);
                });
    }

    @Test
    void theAzureProviderTrustsAzureHostsByDefault() {
        runner.withBean(TokenCredential.class, () -> CREDENTIAL).run(context -> assertEquals(
                AzureKeyVaultProvider.DEFAULT_TRUSTED_HOSTS, context.getBean(AzureKeyVaultProvider.class).trustedHosts()));
    }

    @Test
    void noAzureProviderWithoutACredentialBean() {
        runner.run(context -> assertFalse(context.containsBean("hibernateAeAzureKeyVaultProvider")));
    }

    @Test
    void noAzureProviderWhenTwoCredentialsCompete() {
        runner.withBean("first", TokenCredential.class, () -> CREDENTIAL)
                .withBean("second", TokenCredential.class, () -> CREDENTIAL)
                .run(context -> assertTrue(context.getBeansOfType(AzureKeyVaultProvider.class).isEmpty()));
    }

    @Test
    void noAzureProviderWhenTurnedOff() {
        runner.withBean(TokenCredential.class, () -> CREDENTIAL)
                .withPropertyValues("hibernate-ae.azure-key-vault.enabled=false")
                .run(context -> assertTrue(context.getBeansOfType(AzureKeyVaultProvider.class).isEmpty()));
    }

    @Test
    void anApplicationsOwnAzureProviderIsKept() {
        AzureKeyVaultProvider own = AzureKeyVaultProvider.create(CREDENTIAL);
        runner.withBean(TokenCredential.class, () -> CREDENTIAL)
                .withBean(AzureKeyVaultProvider.class, () -> own)
                .run(context -> assertSame(own, context.getBean(AzureKeyVaultProvider.class)));
    }

    @Test
    void withoutTheAzureModuleACredentialBeanChangesNothing() {
        runner.withClassLoader(new FilteredClassLoader(AzureKeyVaultProvider.class))
                .withBean(TokenCredential.class, () -> CREDENTIAL)
                .run(context -> {
                    assertFalse(context.containsBean("hibernateAeAzureKeyVaultProvider"));
                    assertTrue(context.containsBean("hibernateAeSettingsCustomizer"));
                });
    }

    @Test
    void withoutSpringBootsHibernateSupportNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(
                        name -> name.equals(BootLine.HIBERNATE_PROPERTIES_CUSTOMIZER)))
                .run(context -> assertTrue(context.getBeansOfType(EncryptionSettingsCustomizer.class).isEmpty()));
    }

    private static Map<String, Object> customize(EncryptionSettingsCustomizer customizer) {
        Map<String, Object> settings = new HashMap<>();
        customizer.customize(settings);
        return settings;
    }
}
