package dev.hibernateae.internal.search;

/**
 * A {@code LIKE} pattern read as what search tokens can answer: {@code text%} (a prefix) or {@code %text} (a
 * suffix), with the escape character honoured, and no other wildcard. Anything else is not a search.
 *
 * @param scheme {@link SearchScheme#PREFIX} or {@link SearchScheme#SUFFIX}
 * @param text the prefix or suffix, unescaped
 */
public record LikePattern(SearchScheme scheme, String text) {

    /**
     * The pattern's prefix or suffix, or null when it is another shape (a wildcard inside, both ends, none, or
     * nothing but wildcards).
     *
     * @param escape the escape character, or null
     */
    public static LikePattern parse(String pattern, Character escape) {
        StringBuilder text = new StringBuilder(pattern.length());
        boolean leading = false;
        boolean trailing = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 == pattern.length()) {
                    return null;
                }
                text.append(pattern.charAt(++i));
            } else if (c == '_') {
                return null;
            } else if (c == '%') {
                if (i == 0 && pattern.length() > 1) {
                    leading = true;
                } else if (i == pattern.length() - 1) {
                    trailing = true;
                } else {
                    return null;
                }
            } else {
                text.append(c);
            }
        }
        if (leading == trailing || text.length() == 0) {
            return null;
        }
        return new LikePattern(trailing ? SearchScheme.PREFIX : SearchScheme.SUFFIX, text.toString());
    }
}
