package dev.hibernateae.testing;

/**
 * What tests name or expect that differs between Hibernate lines (this test source has one version per line):
 * Hibernate 7.x.
 */
public final class HibernateLineExpectations {
    /** The {@code hibernate.transaction.jta.platform} that finds Narayana's transaction manager. */
    public static final String NARAYANA_JTA_PLATFORM = "Narayana";

    /** The logger that prints entity state (plaintext included) at DEBUG. */
    public static final String ENTITY_STATE_LOGGER = "org.hibernate.orm.core";

    private HibernateLineExpectations() {
    }
}
