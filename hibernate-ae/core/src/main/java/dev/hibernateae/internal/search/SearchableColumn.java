package dev.hibernateae.internal.search;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.SearchOptions;

/**
 * An encrypted attribute with search tokens: its converter (attribute and declared searches), its path in the
 * entity ({@code ssn}, {@code address.zip}), the token table of its column's table, and the range index of its
 * domain when it declared {@code @RangeSearch} (else null).
 */
public record SearchableColumn(EncryptedAttributeConverter<?> converter, String propertyPath, TokenTable tokens,
        RangeIndex range) {

    public EncryptedAttribute<?> attribute() {
        return converter.attribute();
    }

    public SearchOptions search() {
        return converter.search();
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
