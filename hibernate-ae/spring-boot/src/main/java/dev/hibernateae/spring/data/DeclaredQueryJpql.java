package dev.hibernateae.spring.data;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code @Query} JPQL string into the JPQL Spring Data JPA hands to the persistence provider when it creates
 * (and validates) the query: the {@code #{#entityName}} template filled in, then Spring Data's own rewriting of its
 * extensions ({@code LIKE %:name%}, SpEL parameters such as {@code :#{#person.ssn}}) into plain JPQL parameters.
 * The JPQL is only checked, never run.
 */
final class DeclaredQueryJpql {
    /** {@code #{#entityName}} as a template, not as the parameter expressions {@code :#{#entityName}} / {@code ?#{...}}. */
    private static final Pattern ENTITY_NAME_TEMPLATE = Pattern.compile("(?<![:?])#\\{#entityName}");
    /** Any other template; Spring Data's rewriting (Spring Data JPA 3.5's at least) may refuse to read one. */
    private static final Pattern TEMPLATE = Pattern.compile("(?<![:?])#\\{");

    private DeclaredQueryJpql() {
    }

    /**
     * @param declared the {@code @Query} value (or count query)
     * @param entityName the JPA entity name Spring Data fills into {@code #{#entityName}}
     * @return the JPQL, or empty if the query holds other SpEL templates, which only Spring Data can expand
     */
    static Optional<String> render(String declared, String entityName) {
        String templated = ENTITY_NAME_TEMPLATE.matcher(declared).replaceAll(Matcher.quoteReplacement(entityName));
        if (TEMPLATE.matcher(templated).find()) {
            return Optional.empty();
        }
        String jpql = DeclaredQueries.preprocess(templated);
        return jpql.contains("#{") ? Optional.empty() : Optional.of(jpql);
    }
}
