package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.testing.keys.ServiceLoadedTestProvider;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    /** Configured through a static factory method, as the keystore provider is. */
    public static final class FactoryMethodProvider extends TestRsaProvider {
        static final AtomicInteger CREATED = new AtomicInteger();
        final Map<String, ?> settings;

        private FactoryMethodProvider(Map<String, ?> settings) {
            super("FACTORY_METHOD", "path");
            this.settings = settings;
        }

        public static FactoryMethodProvider fromSettings(Map<String, ?> settings) {
            CREATED.incrementAndGet();
            return new FactoryMethodProvider(settings);
        }
    }

    /** Configured through a constructor taking the settings. */
    public static final class SettingsConstructorProvider extends TestRsaProvider {
        final Map<String, Object> settings;

        public SettingsConstructorProvider(Map<String, Object> settings) {
            super("SETTINGS_CONSTRUCTOR", "path");
            this.settings = settings;
        }
    }

    /** No configuration at all. */
    public static final class NoArgumentProvider extends TestRsaProvider {
        public NoArgumentProvider() {
            super("NO_ARGUMENT", "path");
        }
    }

    /** Needs arguments the registry cannot give. */
    public static final class UnusableProvider extends TestRsaProvider {
        public UnusableProvider(String name) {
            super(name, "path");
        }
    }

    @Test
    void providersNamedInTheSettingsAreCreatedByFactoryMethodSettingsConstructorOrNoArgumentConstructor() {
        Map<String, Object> settings = Map.of(EncryptionSettings.PROVIDERS, FactoryMethodProvider.class.getName()
                + " , " + SettingsConstructorProvider.class.getName() + "," + NoArgumentProvider.class.getName(),
                "acme.provider.custom", "value");
        ProviderRegistry registry = ProviderRegistry.builder().settings(settings).serviceLoader(false).build();

        FactoryMethodProvider byFactory = assertInstanceOf(FactoryMethodProvider.class,
                registry.provider("FACTORY_METHOD"));
        assertEquals("value", byFactory.settings.get("acme.provider.custom"));
        SettingsConstructorProvider byConstructor = assertInstanceOf(SettingsConstructorProvider.class,
                registry.provider("SETTINGS_CONSTRUCTOR"));
        assertEquals("value", byConstructor.settings.get("acme.provider.custom"));
        assertInstanceOf(NoArgumentProvider.class, registry.provider("NO_ARGUMENT"));
    }

    @Test
    void theProvidersSettingAlsoTakesClassesAndInstances() {
        TestRsaProvider instance = new TestRsaProvider("INSTANCE", "path");
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false)
                .settings(Map.of(EncryptionSettings.PROVIDERS, List.of(NoArgumentProvider.class, instance))).build();
        assertInstanceOf(NoArgumentProvider.class, registry.provider("NO_ARGUMENT"));
        assertSame(instance, registry.provider("INSTANCE"));
    }

    @Test
    void providerNamesAreCaseInsensitive() {
        TestRsaProvider provider = new TestRsaProvider("Mixed_Case", "path");
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false).provider(provider).build();
        assertSame(provider, registry.provider("MIXED_CASE"));
        assertSame(provider, registry.provider("mixed_case"));
        assertTrue(registry.contains("mIxEd_CaSe"));
    }

    @Test
    void providersListedInMetaInfServicesAreFound() {
        ProviderRegistry registry = ProviderRegistry.builder().build();
        assertInstanceOf(ServiceLoadedTestProvider.class, registry.provider(ServiceLoadedTestProvider.NAME));
    }

    @Test
    void aProviderRegisteredInCodeWinsOverOneOfTheSameNameFromTheClassPath() {
        TestRsaProvider mine = new TestRsaProvider(ServiceLoadedTestProvider.NAME.toUpperCase(), "path");
        ProviderRegistry registry = ProviderRegistry.builder().provider(mine).build();
        assertSame(mine, registry.provider(ServiceLoadedTestProvider.NAME));
    }

    @Test
    void anUnknownNameIsAnErrorListingTheRegisteredProviders() {
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false)
                .provider(new TestRsaProvider("ALPHA", "path")).provider(new TestRsaProvider("BETA", "path")).build();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class,
                () -> registry.provider("GAMMA"));
        assertTrue(failure.getMessage().contains("Unknown column master key provider 'GAMMA'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("[ALPHA, BETA, MSSQL_JAVA_KEYSTORE]"), failure.getMessage());
        assertTrue(failure.getMessage().contains(EncryptionSettings.PROVIDERS), failure.getMessage());
    }

    @Test
    void twoProvidersOfOneNameFromOneSourceAreAnError() {
        ProviderRegistry.Builder builder = ProviderRegistry.builder().serviceLoader(false)
                .provider(new TestRsaProvider("TWIN", "a")).provider(new TestRsaProvider("twin", "b"));
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, builder::build);
        assertTrue(failure.getMessage().contains("both named"), failure.getMessage());
    }

    @Test
    void aProviderClassThatCannotBeLoadedIsAnErrorNamingTheSetting() {
        ProviderRegistry.Builder builder = ProviderRegistry.builder().serviceLoader(false)
                .settings(Map.of(EncryptionSettings.PROVIDERS, "com.example.NoSuchProvider"));
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, builder::build);
        assertTrue(failure.getMessage().contains("com.example.NoSuchProvider"), failure.getMessage());
        assertTrue(failure.getMessage().contains(EncryptionSettings.PROVIDERS), failure.getMessage());
    }

    @Test
    void aProviderClassWithoutAUsableConstructorIsAnErrorSayingWhatToAdd() {
        ProviderRegistry.Builder builder = ProviderRegistry.builder().serviceLoader(false)
                .settings(Map.of(EncryptionSettings.PROVIDERS, UnusableProvider.class.getName()));
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, builder::build);
        assertTrue(failure.getMessage().contains("fromSettings(Map)"), failure.getMessage());
    }

    @Test
    void aBuiltInProviderIsCreatedFromTheSettingsOnFirstUseOnly() {
        FactoryMethodProvider.CREATED.set(0);
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false)
                .settings(Map.of("acme.provider.custom", "built-in"))
                .builtIn("FACTORY_METHOD", FactoryMethodProvider.class.getName()).build();
        assertEquals(0, FactoryMethodProvider.CREATED.get(), "nothing is created before a master key names it");
        assertTrue(registry.names().contains("FACTORY_METHOD"));

        ColumnMasterKeyProvider first = registry.provider("factory_method");
        assertSame(first, registry.provider("FACTORY_METHOD"));
        assertEquals(1, FactoryMethodProvider.CREATED.get());
        assertEquals("built-in", ((FactoryMethodProvider) first).settings.get("acme.provider.custom"));
    }

    @Test
    void aBuiltInProviderWhoseClassIsAbsentIsAnErrorSayingWhichModuleToAdd() {
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false)
                .builtIn("ABSENT_STORE", "dev.hibernateae.absent.AbsentProvider").build();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class,
                () -> registry.provider("ABSENT_STORE"));
        assertTrue(failure.getMessage().contains("dev.hibernateae.absent.AbsentProvider is not on the class path"),
                failure.getMessage());
    }

    @Test
    void theJavaKeyStoreProviderIsKnownByNameWithoutBeingRegistered() {
        ProviderRegistry registry = ProviderRegistry.builder().serviceLoader(false).build();
        assertTrue(registry.contains("mssql_java_keystore"));
        assertFalse(registry.contains("AZURE_KEY_VAULT"));
    }
}
