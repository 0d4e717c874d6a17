package dev.hibernateae.internal.hibernate;

import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * The JDBC type of an encrypted {@code String} attribute with text searches ({@code @IgnoreCaseSearch},
 * {@code @PrefixSearch}, {@code @SuffixSearch}): binary cells, bound and read as {@link VarbinaryJdbcType} does, but
 * reported as string-like, so that Hibernate's type checks accept {@code like} and {@code upper()}/{@code lower()}
 * on the attribute. What is accepted is then the guard's to decide, and only the shapes search tokens answer pass;
 * the query stage renders them as token lookups, never as SQL on the cells.
 */
final class SearchableTextJdbcType extends VarbinaryJdbcType {
    static final SearchableTextJdbcType INSTANCE = new SearchableTextJdbcType();

    @Override
    public boolean isString() {
        return true;
    }

    @Override
    public boolean isStringLike() {
        return true;
    }

    @Override
    public boolean isStringLikeExcludingClob() {
        return true;
    }

    @Override
    public String toString() {
        return "SearchableTextJdbcType";
    }
}
