package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.search.range.DyadicCover.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tree cover against plain oracles: on every interval of every domain up to 8 bits, at every sparsity and trim,
 * the cover tiles the interval exactly, is as small as a dynamic program over all tilings says is possible, never
 * exceeds {@link DyadicCover#maxCoverSize()} and reaches it; and a value's tokens meet the cover exactly when its code
 * is in the interval. On 64-bit domains the same, on random intervals (fixed printed seed).
 */
class DyadicCoverTest {
    private static final long SEED = Long.getLong("ae.test.seed", 20261202L);

    @Test
    void everyIntervalOfEverySmallDomainIsCoveredExactlyMinimallyAndWithinTheBound() {
        int configurations = 0;
        for (int bits = 0; bits <= 8; bits++) {
            for (int sparsity = 1; sparsity <= 4; sparsity++) {
                for (int trim = 0; trim <= bits / sparsity; trim++) {
                    checkEveryInterval(new DyadicCover(bits, sparsity, trim));
                    configurations++;
                }
            }
        }
        // sum over bits 0..8 and sparsity 1..4 of (bits / sparsity + 1) trims
        assertEquals(103, configurations, "configurations checked");
    }

    private static void checkEveryInterval(DyadicCover cover) {
        int size = 1 << cover.bits();
        // the nodes of each code, as small integer keys level * 512 + prefix
        int[][] tokens = new int[size][];
        for (int v = 0; v < size; v++) {
            List<Node> nodes = cover.nodesOf(v);
            assertEquals(cover.tokensPerValue(), nodes.size(), cover + " tokens of " + v);
            tokens[v] = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                assertEquals(cover.storedLevels().get(i), node.level(), cover + " level of token " + i);
                assertTrue(node.contains(v), cover + " token contains its code");
                tokens[v][i] = key(node);
            }
        }
        Set<Integer> stored = new HashSet<>(cover.storedLevels());
        boolean[] inCover = new boolean[9 * 512];
        int largest = 0;
        for (int lo = 0; lo < size; lo++) {
            int[] fewest = fewestTiles(lo, size, cover.storedLevels());
            for (int hi = lo; hi < size; hi++) {
                List<Node> nodes = cover.cover(new CodeInterval(lo, hi));
                String where = cover + " [" + lo + ", " + hi + "]";
                long next = lo;
                for (Node node : nodes) {
                    assertTrue(stored.contains(node.level()), where + " stored level");
                    assertEquals(next, node.firstCode(), where + " tiles without gap or overlap");
                    next = node.lastCode() + 1;
                    inCover[key(node)] = true;
                }
                assertEquals(hi + 1, next, where + " ends at hi");
                assertEquals(fewest[hi], nodes.size(), where + " is minimal");
                largest = Math.max(largest, nodes.size());
                for (int v = 0; v < size; v++) {
                    boolean met = false;
                    for (int token : tokens[v]) {
                        met |= inCover[token];
                    }
                    assertEquals(lo <= v && v <= hi, met, where + " value " + v);
                }
                for (Node node : nodes) {
                    inCover[key(node)] = false;
                }
            }
        }
        assertEquals(largest, cover.maxCoverSize(), cover + " max cover size is the largest cover");
    }

    private static int key(Node node) {
        return node.level() * 512 + (int) node.prefix();
    }

    /** For each end {@code hi}, the fewest stored-level nodes tiling {@code [lo, hi]}: a dynamic program. */
    private static int[] fewestTiles(int lo, int size, List<Integer> levels) {
        int[] fewest = new int[size];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        for (int hi = lo; hi < size; hi++) {
            for (int level : levels) {
                int length = 1 << level;
                int start = hi + 1 - length;
                if (start >= lo && start % length == 0) {
                    int before = start == lo ? 0 : fewest[start - 1];
                    if (before != Integer.MAX_VALUE) {
                        fewest[hi] = Math.min(fewest[hi], before + 1);
                    }
                }
            }
        }
        return fewest;
    }

    @Test
    void randomIntervalsOfWideDomainsAreCoveredExactlyAndWithinTheBound() {
        Random random = new Random(SEED);
        System.out.println("DyadicCoverTest seed " + SEED);
        int checked = 0;
        for (int bits : new int[] {64, 63, 62, 33, 32, 20, 16}) {
            for (int sparsity = 1; sparsity <= 4; sparsity++) {
                for (int trim = 0; trim <= Math.min(3, bits / sparsity); trim++) {
                    DyadicCover cover = new DyadicCover(bits, sparsity, trim);
                    long max = bits == 64 ? -1L : (1L << bits) - 1;
                    for (int i = 0; i < 150; i++) {
                        long a = randomCode(random, max);
                        long b = randomCode(random, max);
                        switch (i % 6) {
                            case 0: a = 0; break;
                            case 1: b = max; break;
                            case 2: a = 0; b = max; break;
                            default: break;
                        }
                        long lo = Long.compareUnsigned(a, b) <= 0 ? a : b;
                        long hi = Long.compareUnsigned(a, b) <= 0 ? b : a;
                        checkInterval(cover, random, lo, hi, max);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 5_000);
    }

    /** A code at an edge of the domain, near a power of two, or anywhere. */
    private static long randomCode(Random random, long max) {
        long code;
        switch (random.nextInt(4)) {
            case 0: code = random.nextBoolean() ? random.nextInt(4) : max - random.nextInt(4); break;
            case 1: code = (1L << random.nextInt(64)) + random.nextInt(3) - 1; break;
            default: code = random.nextLong(); break;
        }
        return code & max; // max is 2^bits - 1
    }

    private static void checkInterval(DyadicCover cover, Random random, long lo, long hi, long max) {
        String where = cover + " [" + Long.toUnsignedString(lo) + ", " + Long.toUnsignedString(hi) + "] seed " + SEED;
        List<Node> nodes = cover.cover(new CodeInterval(lo, hi));
        assertTrue(nodes.size() <= cover.maxCoverSize(), where + " within the bound");
        long next = lo;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            assertTrue(cover.storedLevels().contains(node.level()), where + " stored level");
            assertEquals(next, node.firstCode(), where + " tiles without gap or overlap");
            if (i < nodes.size() - 1) {
                next = node.lastCode() + 1;
            } else {
                assertEquals(hi, node.lastCode(), where + " ends at hi");
            }
        }
        Set<Node> query = new HashSet<>(nodes);
        List<Long> values = new ArrayList<>(List.of(0L, max, lo, hi, lo - 1, lo + 1, hi - 1, hi + 1));
        for (int i = 0; i < 20; i++) {
            values.add(randomCode(random, max));
        }
        for (long v : values) {
            if (max != -1L && Long.compareUnsigned(v, max) > 0) {
                continue;
            }
            boolean met = cover.nodesOf(v).stream().anyMatch(query::contains);
            boolean inside = Long.compareUnsigned(lo, v) <= 0 && Long.compareUnsigned(v, hi) <= 0;
            assertEquals(inside, met, where + " value " + Long.toUnsignedString(v));
        }
    }

    @Test
    void theWorstIntervalOfAWideDomainReachesTheBound() {
        for (int bits : new int[] {16, 32, 64}) {
            for (int sparsity = 1; sparsity <= 4; sparsity++) {
                DyadicCover cover = new DyadicCover(bits, sparsity, 0);
                long last = bits == 64 ? -1L : (1L << bits) - 1;
                // [1, 2^bits - 2] is the worst interval when at least two levels lie below the top (see maxCoverSize)
                assertEquals(cover.maxCoverSize(), cover.cover(new CodeInterval(1, last - 1)).size(), cover.toString());
            }
        }
    }

    @Test
    void everyLevelStoredGivesTheClassicBounds() {
        for (int bits = 2; bits <= 64; bits++) {
            DyadicCover cover = new DyadicCover(bits, 1, 0);
            assertEquals(bits + 1, cover.tokensPerValue());
            assertEquals(2 * bits - 2, cover.maxCoverSize(), cover.toString());
        }
    }

    @Test
    void tableOfTokensAndCoverSizes() {
        StringBuilder table = new StringBuilder("bits sparsity tokensPerValue maxCoverSize (trim 0)\n");
        for (int bits : new int[] {16, 32, 64}) {
            for (int sparsity = 1; sparsity <= 4; sparsity++) {
                DyadicCover cover = new DyadicCover(bits, sparsity, 0);
                table.append(bits).append(' ').append(sparsity).append(' ').append(cover.tokensPerValue()).append(' ')
                        .append(cover.maxCoverSize()).append('\n');
            }
        }
        System.out.print(table);
        assertEquals(17, new DyadicCover(64, 4, 0).tokensPerValue());
        assertEquals(464, new DyadicCover(64, 4, 0).maxCoverSize());
    }

    @Test
    void storedLevelsAreEverySparsityThLevelMinusTheTrimmedTop() {
        assertEquals(List.of(0, 3, 6, 9, 12, 15), new DyadicCover(16, 3, 0).storedLevels());
        assertEquals(List.of(0, 3, 6, 9), new DyadicCover(16, 3, 2).storedLevels());
        assertEquals(List.of(0), new DyadicCover(16, 3, 5).storedLevels());
        assertEquals(List.of(0), new DyadicCover(0, 1, 0).storedLevels());
        assertEquals(List.of(0, 1), new DyadicCover(8, 1, 7).storedLevels());
        assertEquals(65, new DyadicCover(64, 1, 0).storedLevels().size());
    }

    @Test
    void theRootOfASixtyFourBitTreeHoldsEveryCode() {
        DyadicCover cover = new DyadicCover(64, 4, 0);
        assertEquals(List.of(new Node(64, 0)), cover.cover(new CodeInterval(0, -1L)));
        Node root = cover.nodesOf(-1L).get(cover.tokensPerValue() - 1);
        assertEquals(new Node(64, 0), root);
        assertEquals(0, root.firstCode());
        assertEquals(-1L, root.lastCode());
        assertTrue(root.contains(Long.MIN_VALUE));
    }

    @Test
    void nodeBytesAreTheLevelThenTheBigEndianPrefix() {
        assertArrayEquals(new byte[] {5, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08},
                new Node(5, 0x0102030405060708L).bytes());
        assertArrayEquals(new byte[] {64, 0, 0, 0, 0, 0, 0, 0, 0}, new Node(64, 0).bytes());
        assertArrayEquals(new byte[] {0, -1, -1, -1, -1, -1, -1, -1, -1}, new Node(0, -1L).bytes());
    }

    @Test
    void nodesMustFitTheirLevel() {
        assertThrows(IllegalArgumentException.class, () -> new Node(1, Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new Node(64, 1));
        assertThrows(IllegalArgumentException.class, () -> new Node(65, 0));
        assertThrows(IllegalArgumentException.class, () -> new Node(-1, 0));
        new Node(1, Long.MAX_VALUE);
    }

    @Test
    void codesBeyondTheDomainAreRefusedWithoutNamingThem() {
        DyadicCover cover = new DyadicCover(8, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cover.nodesOf(256));
        assertTrue(!e.getMessage().contains("256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cover.cover(new CodeInterval(3, 300)));
    }

    @Test
    void invalidConfigurationsAreRefusedWithTheFix() {
        assertMessage(() -> new DyadicCover(16, 0, 0), "sparsity 0 is not between 1 and 4");
        assertMessage(() -> new DyadicCover(16, 5, 0), "sparsity 5 is not between 1 and 4");
        assertMessage(() -> new DyadicCover(16, 4, 5), "trim 5 is not between 0 and 4");
        assertMessage(() -> new DyadicCover(16, 4, 5), "declare a smaller trim");
        assertMessage(() -> new DyadicCover(16, 1, -1), "trim -1 is not between 0 and 16");
        assertMessage(() -> new DyadicCover(65, 1, 0), "code width 65");
        // trim 15 keeps levels 0..49: 2 * 49 + 2^15 - 2 nodes at worst; trim 16 would need 2 * 48 + 2^16 - 2
        assertEquals(2 * 49 + (1 << 15) - 2, new DyadicCover(64, 1, 15).maxCoverSize());
        assertMessage(() -> new DyadicCover(64, 1, 16), "more than 65536; declare a smaller trim or a smaller sparsity");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
