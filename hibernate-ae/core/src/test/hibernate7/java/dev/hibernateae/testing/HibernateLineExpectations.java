package dev.hibernateae.testing;

/**
 * What tests name or expect that differs between Hibernate lines (this test source has one version per line):
 * Hibernate 7.x.
 */
public final class HibernateLineExpectations {
    /** Hibernate 7.0 and 7.1 run this jar's tests too (hibernate-lines); 7.2 renamed what these constants name. */
    private static final boolean BEFORE_7_2 = !hasClass(
            "org.hibernate.engine.transaction.jta.platform.internal.NarayanaJtaPlatform");

    /** The {@code hibernate.transaction.jta.platform} that finds Narayana's transaction manager. */
    public static final String NARAYANA_JTA_PLATFORM = BEFORE_7_2 ? "JBossTS" : "Narayana";

    /** The logger that prints entity state (plaintext included) at DEBUG. */
    /** Whether a StatelessSession's entity events carry it: from 7.2 (7.0 and 7.1 fire them without one). */
    public static final boolean STATELESS_EVENTS_HAVE_A_SESSION = !BEFORE_7_2;

    public static final String ENTITY_STATE_LOGGER = BEFORE_7_2
            ? "org.hibernate.internal.util.EntityPrinter" : "org.hibernate.orm.core";

    private HibernateLineExpectations() {
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, HibernateLineExpectations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
