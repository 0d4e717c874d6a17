package dev.hibernateae.internal.search;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.SearchOptions;
import dev.hibernateae.internal.search.range.CodeInterval;
import dev.hibernateae.internal.search.range.DyadicCover;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Which tokens a value gets, and which a query looks up. A token is {@link SearchTokenHash#token} of the scheme's
 * input and a contention variant: a stored value takes one variant at random per token, a query looks up every
 * variant. Inputs: the attribute's normalized plaintext bytes (equality), the UTF-8 of the folded value
 * ({@link TextFolding}), of each prefix or suffix of the declared lengths, by code points (a value shorter than
 * the longest declared length gets random fillers instead, so every value has as many tokens).
 */
public final class SearchTokens {
    /** Random fillers, which no query token equals, look like tokens to the database. */
    private static final SecureRandom PADDING = new SecureRandom();
    private SearchTokens() {
    }

    /**
     * The tokens of one stored value for every scheme the column declares.
     *
     * @param hashes the token hash of a scheme of this column (under the key the value is written with)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<byte[]> stored(SearchableColumn column, Object value, Function<SearchScheme, SearchTokenHash> hashes,
            RandomGenerator random) {
        List<byte[]> tokens = new ArrayList<>();
        if (value == null) {
            return tokens;
        }
        SearchOptions search = column.search();
        if (search.equality() != null) {
            byte[] plaintext = EncryptedAttributeConverter.encode((EncryptedAttribute) column.attribute(), value);
            try {
                tokens.add(hashes.apply(SearchScheme.EQUALITY).token(plaintext,
                        random.nextInt(search.equality().contention())));
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
        if (search.ignoreCase() != null) {
            tokens.add(hashes.apply(SearchScheme.IGNORE_CASE).token(folded(column, (String) value),
                    random.nextInt(search.ignoreCase().contention())));
        }
        if (search.prefix() != null) {
            affixes((String) value, search.prefix(), true, hashes.apply(SearchScheme.PREFIX), random, tokens);
        }
        if (search.suffix() != null) {
            affixes((String) value, search.suffix(), false, hashes.apply(SearchScheme.SUFFIX), random, tokens);
        }
        if (search.range() != null) {
            OptionalLong code = code(column, value);
            if (code.isPresent()) {
                SearchTokenHash hash = hashes.apply(SearchScheme.RANGE);
                for (DyadicCover.Node node : column.range().cover().nodesOf(code.getAsLong())) {
                    tokens.add(hash.token(node.bytes(), random.nextInt(search.range().contention())));
                }
            }
        }
        return tokens;
    }

    /**
     * The tokens a range query looks up: every variant of every node covering {@code interval} exactly; none when
     * no value of the domain can match.
     */
    public static List<byte[]> range(SearchableColumn column, Optional<CodeInterval> interval, SearchTokenHash hash) {
        List<byte[]> tokens = new ArrayList<>();
        if (interval.isEmpty()) {
            return tokens;
        }
        int contention = column.contention(SearchScheme.RANGE);
        for (DyadicCover.Node node : column.range().cover().cover(interval.get())) {
            byte[] bytes = node.bytes();
            for (int variant = 0; variant < contention; variant++) {
                tokens.add(hash.token(bytes, variant));
            }
        }
        return tokens;
    }

    /** The most tokens {@link #range} returns for this column: what a range query binds. */
    public static int maxRangeTokens(SearchableColumn column) {
        return column.range().cover().maxCoverSize() * column.contention(SearchScheme.RANGE);
    }

    private static OptionalLong code(SearchableColumn column, Object value) {
        try {
            return column.range().encoding().encode(value);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedPlaintextException("Cannot write " + column.attribute().role() + ": "
                    + e.getMessage() + " (its @RangeSearch declares the domain; widen it, or change the value)", e);
        }
    }

    /** Every variant of the token a query of {@code scheme} for {@code input} looks up. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<byte[]> query(SearchableColumn column, SearchScheme scheme, Object input, SearchTokenHash hash) {
        byte[] bytes = switch (scheme) {
            case EQUALITY -> EncryptedAttributeConverter.encode((EncryptedAttribute) column.attribute(), input);
            case IGNORE_CASE -> folded(column, (String) input);
            case PREFIX, SUFFIX -> affixInput(column, scheme, (String) input);
            case RANGE -> throw new IllegalArgumentException("range tokens are looked up by interval");
        };
        try {
            int contention = column.contention(scheme);
            List<byte[]> tokens = new ArrayList<>(contention);
            for (int variant = 0; variant < contention; variant++) {
                tokens.add(hash.token(bytes, variant));
            }
            return tokens;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] folded(SearchableColumn column, String value) {
        return TextFolding.fold(value, column.search().ignoreCase().ignoreAccents()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] affixInput(SearchableColumn column, SearchScheme scheme, String text) {
        SearchOptions.Affix affix = scheme == SearchScheme.PREFIX ? column.search().prefix() : column.search().suffix();
        int length = text.codePointCount(0, text.length());
        if (length < affix.min() || length > affix.max()) {
            throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), "LIKE", "A "
                    + (scheme == SearchScheme.PREFIX ? "prefix" : "suffix") + " search on "
                    + column.attribute().role() + " must look for " + affix.min() + " to " + affix.max()
                    + " characters (as its @" + (scheme == SearchScheme.PREFIX ? "Prefix" : "Suffix")
                    + "Search declares); this one does not. Change the query or the declared lengths");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void affixes(String value, SearchOptions.Affix affix, boolean prefix, SearchTokenHash hash,
            RandomGenerator random, List<byte[]> tokens) {
        int length = value.codePointCount(0, value.length());
        for (int k = affix.min(); k <= affix.max(); k++) {
            if (k > length) {
                // Padding: every value gets as many tokens, so their count does not tell a short value's length.
                byte[] filler = new byte[SearchTokenHash.TOKEN_LENGTH];
                PADDING.nextBytes(filler);
                tokens.add(filler);
                continue;
            }
            String part = prefix ? value.substring(0, value.offsetByCodePoints(0, k))
                    : value.substring(value.offsetByCodePoints(value.length(), -k));
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            tokens.add(hash.token(bytes, random.nextInt(affix.contention())));
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
