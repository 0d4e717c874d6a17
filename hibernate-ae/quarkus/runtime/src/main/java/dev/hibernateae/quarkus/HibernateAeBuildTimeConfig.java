package dev.hibernateae.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * hibernate-ae's configuration fixed when the application is built: the settings the core reads while Hibernate
 * builds the mapping, which Quarkus does once, at build (static init) time.
 */
@ConfigMapping(prefix = "quarkus.hibernate-ae")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface HibernateAeBuildTimeConfig {

    /**
     * The key tables.
     */
    KeyTables keyTables();

    /** The key tables' settings. */
    interface KeyTables {
        /**
         * Whether Hibernate schema generation creates the key tables when they are missing (it never drops them).
         * Core's default: `true`. (`hibernate.ae.key_tables.schema_generation`)
         */
        Optional<Boolean> schemaGeneration();
    }
}
