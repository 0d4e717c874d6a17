package dev.hibernateae.spring.data;

/**
 * Spring Data JPA 3.5 builds a derived query's criteria query as it creates the repository, and Hibernate 6.6
 * refuses a comparison it cannot make on an encrypted attribute's column type there, in its own words: the guard
 * checks the method name's query before, as a repository proxy post-processor, to refuse it naming the method.
 */
final class QueryCreation {
    /** Whether Spring Data builds derived queries as it creates the repository. */
    static final boolean DERIVED_WITH_THE_REPOSITORY = true;

    private QueryCreation() {
    }
}
