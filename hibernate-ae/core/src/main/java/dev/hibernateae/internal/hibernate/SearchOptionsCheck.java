package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import org.hibernate.mapping.Table;

/**
 * Refuses, when the mapping is complete, searches an attribute cannot support: equality tokens on a deterministic
 * attribute (its cells already match by equality), text searches on anything but a {@code String}, and tokens in a
 * table without a single-column primary key (tokens point at rows by it).
 */
final class SearchOptionsCheck {
    private SearchOptionsCheck() {
    }

    static void check(EncryptedAttribute<?> attribute, SearchOptions search, Table table) {
        String role = attribute.role();
        if (search.equality() != null && attribute.type() == EncryptionType.DETERMINISTIC) {
            throw new AlwaysEncryptedException("@EqualitySearch on " + role + ": the attribute is DETERMINISTIC, "
                    + "whose cells already match by equality; remove @EqualitySearch, or make it RANDOMIZED");
        }
        boolean text = search.ignoreCase() != null || search.prefix() != null || search.suffix() != null;
        if (text && attribute.javaType() != String.class) {
            throw new AlwaysEncryptedException("@IgnoreCaseSearch, @PrefixSearch and @SuffixSearch need a String "
                    + "attribute; " + role + " is " + attribute.javaType().getName());
        }
        if (table.getPrimaryKey() == null || table.getPrimaryKey().getColumns().size() != 1) {
            throw new AlwaysEncryptedException("Search annotations on " + role + ": table " + table.getName()
                    + " needs a single-column primary key (search tokens point at rows by it); composite keys are "
                    + "not supported");
        }
    }
}
