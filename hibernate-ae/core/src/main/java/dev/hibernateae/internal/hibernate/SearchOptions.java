package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.IgnoreCaseSearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.RangeSearch;
import dev.hibernateae.api.SuffixSearch;
import java.lang.annotation.Annotation;
import java.time.temporal.ChronoUnit;

/**
 * The searches one encrypted attribute declared ({@code @EqualitySearch}, {@code @IgnoreCaseSearch},
 * {@code @PrefixSearch}, {@code @SuffixSearch}, {@code @RangeSearch}), with their parameters; null members were not declared.
 * Immutable; built by merging annotations one by one, in whatever order Hibernate binds them.
 */
public record SearchOptions(Equality equality, IgnoreCase ignoreCase, Affix prefix, Affix suffix, Range range) {
    /** The largest contention factor: a query looks up that many tokens per scheme. */
    public static final int MAX_CONTENTION = 64;
    /** The longest prefix or suffix a row may store tokens for. */
    public static final int MAX_AFFIX_LENGTH = 64;

    public static final SearchOptions NONE = new SearchOptions(null, null, null, null, null);

    /** Equality through tokens (for randomized attributes). */
    public record Equality(int contention) {
    }

    /** Case- (and optionally accent-) insensitive equality. */
    public record IgnoreCase(boolean ignoreAccents, int contention) {
    }

    /** Prefix or suffix search for lengths {@code min..max}, in code points. */
    public record Affix(int min, int max, int contention) {
    }

    /** Range search over the declared domain; see {@link dev.hibernateae.api.RangeSearch}. */
    public record Range(String min, String max, ChronoUnit unit, int sparsity, int trim,
            int contention) {
    }

    /** These options with one more annotation's; {@code role} names the attribute in errors. */
    SearchOptions with(Annotation annotation, String role) {
        if (annotation instanceof EqualitySearch a) {
            return new SearchOptions(new Equality(contention(a.contention(), a, role)), ignoreCase, prefix, suffix,
                    range);
        }
        if (annotation instanceof IgnoreCaseSearch a) {
            return new SearchOptions(equality, new IgnoreCase(a.ignoreAccents(), contention(a.contention(), a, role)),
                    prefix, suffix, range);
        }
        if (annotation instanceof PrefixSearch a) {
            return new SearchOptions(equality, ignoreCase, affix(a.minLength(), a.maxLength(), a.contention(), a, role),
                    suffix, range);
        }
        if (annotation instanceof SuffixSearch a) {
            return new SearchOptions(equality, ignoreCase, prefix, affix(a.minLength(), a.maxLength(), a.contention(),
                    a, role), range);
        }
        if (annotation instanceof RangeSearch a) {
            if (a.sparsity() < 1 || a.sparsity() > 4 || a.trim() < 0 || a.contention() < 1 || a.contention() > 8) {
                throw new AlwaysEncryptedException("@RangeSearch on " + role + ": sparsity must be 1 to 4, trim at "
                        + "least 0 and contention 1 to 8; are " + a.sparsity() + ", " + a.trim() + " and "
                        + a.contention());
            }
            return new SearchOptions(equality, ignoreCase, prefix, suffix, new Range(a.min(), a.max(), a.unit(),
                    a.sparsity(), a.trim(), a.contention()));
        }
        throw new IllegalArgumentException("not a search annotation: " + annotation.annotationType().getName());
    }

    /** Whether anything was declared. */
    public boolean any() {
        return equality != null || ignoreCase != null || prefix != null || suffix != null || range != null;
    }

    private static int contention(int contention, Annotation annotation, String role) {
        if (contention < 1 || contention > MAX_CONTENTION) {
            throw new AlwaysEncryptedException(name(annotation) + " on " + role + ": contention must be between 1 and "
                    + MAX_CONTENTION + ", is " + contention);
        }
        return contention;
    }

    private static Affix affix(int min, int max, int contention, Annotation annotation, String role) {
        if (min < 1 || max < min || max > MAX_AFFIX_LENGTH) {
            throw new AlwaysEncryptedException(name(annotation) + " on " + role + ": minLength and maxLength must "
                    + "satisfy 1 <= minLength <= maxLength <= " + MAX_AFFIX_LENGTH + ", are " + min + " and " + max);
        }
        return new Affix(min, max, contention(contention, annotation, role));
    }

    static String name(Annotation annotation) {
        return "@" + annotation.annotationType().getSimpleName();
    }
}
