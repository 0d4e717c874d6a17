package dev.hibernateae.internal.config;

import dev.hibernateae.api.EncryptionSettings;

/**
 * Settings hibernate-ae passes to itself through Hibernate's settings: <strong>not for applications</strong>. They
 * share the prefix {@value #PREFIX}, which the check for unknown settings skips, and may change or disappear in any
 * release. Every one is declared here.
 */
public final class InternalSettings {
    /** The prefix of every internal setting. */
    public static final String PREFIX = EncryptionSettings.PREFIX + "internal.";

    /**
     * A ready {@code dev.hibernateae.internal.keys.KeyRing} instance, used instead of the key hierarchy in the database
     * (tests and tools).
     */
    public static final String KEY_RING = PREFIX + "key_ring";

    /** Where the query stage keeps an application's own {@code QuerySettings.SEMANTIC_QUERY_TRANSLATOR}. */
    public static final String APPLICATION_SQM_TRANSLATOR = PREFIX + "application_sqm_translator";

    /** Where the query stage keeps an application's own {@code QuerySettings.SEMANTIC_QUERY_PRODUCER}. */
    public static final String APPLICATION_HQL_TRANSLATOR = PREFIX + "application_hql_translator";

    private InternalSettings() {
    }

    /** Whether {@code name} is an internal setting. */
    public static boolean isInternal(String name) {
        return name.startsWith(PREFIX);
    }
}
