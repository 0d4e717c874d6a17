package dev.hibernateae.internal.search;

/**
 * A kind of search token. Each scheme of each column has its own token key ({@link #purpose}), so a token of one
 * never equals a token of another, though all live in the same token table.
 */
public enum SearchScheme {
    EQUALITY("equality"),
    IGNORE_CASE("ignore-case"),
    PREFIX("prefix"),
    SUFFIX("suffix"),
    RANGE("range");

    private final String label;

    SearchScheme(String label) {
        this.label = label;
    }

    /** What the token key of this scheme on {@code columnId} ({@code table.column}) is derived for. */
    public String purpose(String columnId) {
        return label + " " + columnId;
    }
}
