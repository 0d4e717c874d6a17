package dev.hibernateae.testing;

/**
 * What tests name or expect that differs between Hibernate lines (this test source has one version per line):
 * Hibernate 6.6.
 */
public final class HibernateLineExpectations {
    /**
     * The {@code hibernate.transaction.jta.platform} that finds Narayana's transaction manager (6.6 has no
     * {@code Narayana} short name; its JBoss stand-alone platform looks up the same transaction manager).
     */
    public static final String NARAYANA_JTA_PLATFORM =
            "org.hibernate.engine.transaction.jta.platform.internal.JBossStandAloneJtaPlatform";

    /** The logger that prints entity state (plaintext included) at DEBUG. */
    /** Whether a StatelessSession's entity events carry it: 6.6's StatelessSession fires entity events without a session. */
    public static final boolean STATELESS_EVENTS_HAVE_A_SESSION = false;

    public static final String ENTITY_STATE_LOGGER = "org.hibernate.internal.util.EntityPrinter";

    private HibernateLineExpectations() {
    }
}
