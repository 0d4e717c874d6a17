package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every {@link EncryptionSettings} constant has exactly one {@code hibernate-ae.*} property that reaches it: bound by
 * Spring's {@link Binder} as an application's properties are, then mapped by {@link EncryptionSettingsCustomizer},
 * into text hibernate-ae's own parser ({@link AeConfig}) reads. A new constant without its property fails here.
 */
class SettingPropertiesTest {
    /** Values tried in turn until one binds: a boolean, a duration, the unreadable-attributes choice, a name. */
    private static final List<String> SAMPLES = List.of("true", "10s", "null", "patient.ssn");

    static Stream<String> settings() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : EncryptionSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
                    && field.getType() == String.class && !field.getName().equals("PREFIX")) {
                names.add((String) field.get(null));
            }
        }
        return names.stream();
    }

    /** {@code hibernate.ae.lifecycle.poll_interval} → {@code hibernate-ae.lifecycle.poll-interval}. */
    private static String propertyOf(String setting) {
        return HibernateAeProperties.PREFIX + "." + setting.substring(EncryptionSettings.PREFIX.length())
                .replace('_', '-');
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everySettingIsReachedByItsOwnPropertyAndNoOther(String setting) {
        String property = propertyOf(setting);
        for (String sample : SAMPLES) {
            Map<String, Object> settings;
            try {
                settings = hibernateSettings(Map.of(property, sample));
            } catch (BindException notThisType) {
                continue;
            }
            if (settings.containsKey(setting)) {
                assertEquals(List.of(setting), List.copyOf(settings.keySet()),
                        property + " must reach " + setting + " and nothing else");
                assertNotNull(AeConfig.of(settings), "hibernate-ae reads what " + property + " became");
                return;
            }
        }
        fail("No hibernate-ae.* property reaches " + setting + ": expected " + property + " (add it to "
                + "HibernateAeProperties, with its row in SettingProperties)");
    }

    @Test
    void theTableHasOneRowPerSetting() throws IllegalAccessException {
        assertEquals(settings().sorted().toList(), SettingProperties.ROWS.stream().map(SettingProperties.Row::setting)
                .sorted().toList());
    }

    @ParameterizedTest
    @CsvSource({"30, PT30S", "500ms, PT0.5S", "2h, PT2H", "PT10M, PT10M", "1d, PT24H"})
    void aDurationPropertyMeansSecondsWhenBareAndReachesHibernateAsIso8601(String given, String expected) {
        Map<String, Object> settings = hibernateSettings(Map.of("hibernate-ae.key-cache-ttl", given,
                "hibernate-ae.lifecycle.poll-interval", given));
        assertEquals(expected, settings.get(EncryptionSettings.KEY_CACHE_TTL));
        assertEquals(expected, settings.get(EncryptionSettings.LIFECYCLE_POLL_INTERVAL));
        AeConfig config = AeConfig.of(settings);
        assertEquals(Duration.parse(expected), config.keyCacheTtl());
        assertEquals(Duration.parse(expected), config.lifecyclePollInterval());
    }

    private static Map<String, Object> hibernateSettings(Map<String, String> properties) {
        HibernateAeProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(HibernateAeProperties.PREFIX, HibernateAeProperties.class);
        Map<String, Object> settings = new HashMap<>();
        new EncryptionSettingsCustomizer(bound, List.of()).customize(settings);
        return settings;
    }
}
