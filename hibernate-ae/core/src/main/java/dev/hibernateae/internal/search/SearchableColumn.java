package dev.hibernateae.internal.search;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.SearchOptions;

/**
 * An encrypted attribute with search tokens: the attribute and the searches it declared, its path in the entity
 * ({@code ssn}, {@code address.zip}; null where no entity is at hand, as in a lifecycle job), the token table of its
 * column's table, and the range index of its domain when it declared {@code @RangeSearch} (else null).
 */
public record SearchableColumn(EncryptedAttribute<?> attribute, SearchOptions search, String propertyPath,
        TokenTable tokens, RangeIndex range) {

    /** The column of {@code attribute} with the searches it declared, its range index built from them. */
    public static SearchableColumn of(EncryptedAttribute<?> attribute, SearchOptions search, String propertyPath,
            TokenTable tokens) {
        return new SearchableColumn(attribute, search, propertyPath, tokens,
                search.range() == null ? null : RangeIndex.of(attribute, search.range()));
    }

    /** How many tokens a query of {@code scheme} looks up: the scheme's contention. */
    public int contention(SearchScheme scheme) {
        SearchOptions search = search();
        return switch (scheme) {
            case EQUALITY -> search.equality().contention();
            case IGNORE_CASE -> search.ignoreCase().contention();
            case PREFIX -> search.prefix().contention();
            case SUFFIX -> search.suffix().contention();
            case RANGE -> search.range().contention();
        };
    }

    /** Whether the attribute declared {@code scheme}. */
    public boolean supports(SearchScheme scheme) {
        SearchOptions search = search();
        return switch (scheme) {
            case EQUALITY -> search.equality() != null;
            case IGNORE_CASE -> search.ignoreCase() != null;
            case PREFIX -> search.prefix() != null;
            case SUFFIX -> search.suffix() != null;
            case RANGE -> search.range() != null;
        };
    }
}
