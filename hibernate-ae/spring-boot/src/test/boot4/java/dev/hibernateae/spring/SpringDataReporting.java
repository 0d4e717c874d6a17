package dev.hibernateae.spring;

/** How Spring Data JPA 4 reports what the guard refuses, when hibernate-ae's own reporting is off. */
final class SpringDataReporting {
    /** What a repository method's caller gets when a query its Sort argument makes is refused, untranslated. */
    static final Class<? extends RuntimeException> REFUSED_SORTED_QUERY = org.springframework.data.jpa.repository.query.BadJpqlGrammarException.class;
    /**
     * Whether Spring Data builds a derived query as it creates the repository, where Hibernate refuses a comparison
     * on an encrypted attribute itself when hibernate-ae's startup check is off.
     */
    static final boolean DERIVED_QUERIES_BUILT_AT_STARTUP = false;

    private SpringDataReporting() {
    }
}
