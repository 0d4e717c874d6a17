package dev.hibernateae.spring.data;

/**
 * Spring Data JPA 4 builds a derived query's JPQL when the method is called, from its arguments: the guard
 * checks the method name's query as Spring Data reports the query created ({@code QueryCreationListener}).
 */
final class QueryCreation {
    /** Whether Spring Data builds derived queries as it creates the repository. */
    static final boolean DERIVED_WITH_THE_REPOSITORY = false;

    private QueryCreation() {
    }
}
