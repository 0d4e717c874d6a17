package dev.hibernateae.samples.quarkus;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The key cache's time to live given twice: as {@code quarkus.hibernate-ae.key-cache-ttl} and as a Hibernate setting
 * in {@code quarkus.hibernate-orm.unsupported-properties}. An H2 database of its own, so the keys this start creates
 * are not found by another one.
 */
public final class UnsupportedPropertiesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unsupported-properties;DB_CLOSE_DELAY=-1",
                "quarkus.hibernate-ae.key-cache-ttl", "1h",
                "quarkus.hibernate-orm.unsupported-properties.\"hibernate.ae.key_cache_ttl\"", "PT5M");
    }
}
