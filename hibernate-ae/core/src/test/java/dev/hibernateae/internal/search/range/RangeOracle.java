package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.search.range.DyadicCover.Node;
import dev.hibernateae.internal.search.range.RangeEncoding.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Checks an encoding against Java's own comparison: for every stored value {@code v}, query bound {@code b} and
 * operator, {@code v op b} in Java equals "the code of {@code v} lies in {@code interval(op, b)}" and equals "a token
 * node of {@code v} is in the cover of that interval"; the same for {@code between} on pairs of bounds.
 *
 * @param <T> the attribute type
 */
final class RangeOracle<T> {
    /** Java's comparison of the type: {@code <} and {@code ==} (or {@code isBefore} and {@code isEqual}). */
    interface Order<T> {
        boolean lt(T a, T b);

        boolean eq(T a, T b);

        static <T> Order<T> of(Comparator<? super T> comparator) {
            return new Order<>() {
                @Override
                public boolean lt(T a, T b) {
                    return comparator.compare(a, b) < 0;
                }

                @Override
                public boolean eq(T a, T b) {
                    return comparator.compare(a, b) == 0;
                }
            };
        }
    }

    static final long SEED = Long.getLong("ae.test.seed", 20261202L);

    static {
        System.out.println("range encoding tests: seed " + SEED + " (another with -Dae.test.seed=...)");
    }

    private final String label;
    private final RangeEncoding<T> encoding;
    private final Order<T> order;
    private final DyadicCover cover;
    private final Random random;
    private boolean wholeDomain;
    /** How many comparisons were checked, over all calls. */
    private long checks;

    RangeOracle(String label, RangeEncoding<T> encoding, Order<T> order, Random random) {
        this.encoding = encoding;
        this.order = order;
        this.random = random;
        int bits = encoding.bits();
        // a random tree shape: any sparsity, up to two trimmed levels
        int sparsity = 1 + random.nextInt(4);
        this.cover = new DyadicCover(bits, sparsity, random.nextInt(Math.min(2, bits / sparsity) + 1));
        this.label = label + " (seed " + SEED + ", " + cover + ")";
    }

    long checks() {
        return checks;
    }

    /**
     * Checks every stored value against every bound and operator, and against {@code between} on random pairs.
     *
     * @param stored values inside the declared domain, at its granularity (NaN allowed: it must get no code)
     * @param bounds any values of the type
     */
    RangeOracle<T> check(List<T> stored, List<T> bounds) {
        return check(stored, bounds, false);
    }

    /**
     * As {@link #check(List, List)}; when {@code wholeDomain} says the stored values are every value of the domain,
     * also checks that an interval is present exactly when some value matches ("empty when nothing can match").
     */
    RangeOracle<T> check(List<T> stored, List<T> bounds, boolean wholeDomain) {
        this.wholeDomain = wholeDomain;
        List<T> values = new ArrayList<>();
        List<Long> codes = new ArrayList<>();
        List<Set<Node>> tokens = new ArrayList<>();
        for (T v : stored) {
            OptionalLong code = encoding.encode(v);
            if (code.isEmpty()) {
                assertTrue(!order.eq(v, v), label + ": only NaN has no code, not " + v);
                continue;
            }
            long c = code.getAsLong();
            assertTrue(Long.compareUnsigned(c, encoding.lastCode()) <= 0, label + ": code within bits for " + v);
            values.add(v);
            codes.add(c);
            tokens.add(new HashSet<>(cover.nodesOf(c)));
        }
        for (T b : bounds) {
            for (Op op : Op.values()) {
                Optional<CodeInterval> interval = encoding.interval(op, b);
                compare(values, codes, tokens, interval, v -> holds(op, v, b), op + " " + b);
            }
        }
        for (int i = 0; i < bounds.size(); i++) {
            T low = bounds.get(random.nextInt(bounds.size()));
            T high = random.nextInt(4) == 0 ? low : bounds.get(random.nextInt(bounds.size()));
            Optional<CodeInterval> interval = encoding.between(low, high);
            compare(values, codes, tokens, interval, v -> holds(Op.GE, v, low) && holds(Op.LE, v, high),
                    "BETWEEN " + low + " AND " + high);
        }
        return this;
    }

    private void compare(List<T> values, List<Long> codes, List<Set<Node>> tokens, Optional<CodeInterval> interval,
            java.util.function.Predicate<T> java, String query) {
        Set<Node> nodes = new HashSet<>();
        if (interval.isPresent()) {
            List<Node> covering = cover.cover(interval.get());
            assertTrue(covering.size() <= cover.maxCoverSize(), label + ": cover within bound");
            nodes.addAll(covering);
        }
        boolean anyMatch = false;
        for (int i = 0; i < values.size(); i++) {
            T v = values.get(i);
            boolean expected = java.test(v);
            boolean inInterval = interval.isPresent() && interval.get().contains(codes.get(i));
            assertEquals(expected, inInterval, () -> label + ": " + v + " " + query + " by interval");
            boolean met = false;
            for (Node node : tokens.get(i)) {
                if (nodes.contains(node)) {
                    met = true;
                    break;
                }
            }
            assertEquals(expected, met, () -> label + ": " + v + " " + query + " by tokens");
            anyMatch |= expected;
            checks++;
        }
        if (wholeDomain) {
            assertEquals(anyMatch, interval.isPresent(), () -> label + ": " + query + " is empty iff nothing matches");
        }
        interval.ifPresent(found -> assertTrue(Long.compareUnsigned(found.hi(), encoding.lastCode()) <= 0,
                () -> label + ": " + query + " ends by the last code"));
    }

    private boolean holds(Op op, T v, T b) {
        switch (op) {
            case LT: return order.lt(v, b);
            case LE: return order.lt(v, b) || order.eq(v, b);
            case GT: return order.lt(b, v);
            case GE: return order.lt(b, v) || order.eq(v, b);
            default: throw new AssertionError(op);
        }
    }
}
