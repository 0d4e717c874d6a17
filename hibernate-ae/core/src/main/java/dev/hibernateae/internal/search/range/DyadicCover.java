package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The binary tree over the codes {@code 0 .. 2^bits-1} of a {@link RangeEncoding}, restricted to a few of its levels:
 * a node at level {@code L} is the set of codes sharing {@code code >>> L} (its prefix), so level 0 holds single
 * codes and level {@code bits} the whole domain. A stored value gets one token per stored level, for the node there
 * that contains its code ({@link #nodesOf}); a query interval is split into the fewest stored-level nodes that tile it
 * exactly ({@link #cover}); the value matches iff the two sets of nodes meet. Another part of the code keys the
 * {@link Node#bytes()} of each node (an HMAC), so the database compares tokens only.
 *
 * <p>Stored levels are 0 and every {@code sparsity}-th level above it up to {@code bits} ({@code sparsity},
 * {@code 2*sparsity}, ...), minus the top {@code trim} of them: sparsity trades tokens per stored value for nodes per
 * query, trim drops the top levels, whose few large nodes would tell which rows share a coarse region, at the cost of
 * more nodes for wide queries.
 *
 * <p>Why the cover is minimal: the nodes form a laminar family (two nodes are nested or disjoint). In any exact
 * disjoint tiling of {@code [lo, hi]}, the node holding {@code lo} starts at {@code lo}; the largest stored node
 * starting at {@code lo} and ending by {@code hi} contains it, and every other tile inside that largest node can be
 * merged into it without adding a tile. So choosing that largest node and continuing after it, as {@link #cover}
 * does, is optimal.
 */
public final class DyadicCover {
    /** The most nodes a query may need: configurations whose {@link #maxCoverSize()} is larger are refused. */
    public static final int MAX_COVER_SIZE = 1 << 16;

    private final int bits;
    private final int sparsity;
    private final int trim;
    /** The stored levels, ascending; the first is 0. */
    private final int[] levels;
    private final int maxCoverSize;

    /**
     * @param bits the code width, 0 to 64 ({@link RangeEncoding#bits()})
     * @param sparsity 1 to 4: store every level, every second, third or fourth
     * @param trim how many of the top stored levels to drop, 0 up to one less than their number (level 0 stays)
     * @throws IllegalArgumentException for a parameter out of range, or a configuration whose worst query would need
     *     more than {@link #MAX_COVER_SIZE} nodes
     */
    public DyadicCover(int bits, int sparsity, int trim) {
        if (bits < 0 || bits > 64) {
            throw new IllegalArgumentException("code width " + bits + " is not between 0 and 64");
        }
        if (sparsity < 1 || sparsity > 4) {
            throw new IllegalArgumentException("range sparsity " + sparsity + " is not between 1 and 4; declare 1"
                    + " (every level), 2, 3 or 4 (every fourth level)");
        }
        int candidates = bits / sparsity + 1;
        if (trim < 0 || trim >= candidates) {
            throw new IllegalArgumentException("range trim " + trim + " is not between 0 and " + (candidates - 1)
                    + ": a " + bits + "-bit domain at sparsity " + sparsity + " has " + candidates
                    + " stored levels and the leaves must stay; declare a smaller trim");
        }
        this.bits = bits;
        this.sparsity = sparsity;
        this.trim = trim;
        this.levels = new int[candidates - trim];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = i * sparsity;
        }
        BigInteger worst = worstCover(bits, levels);
        if (worst.compareTo(BigInteger.valueOf(MAX_COVER_SIZE)) > 0) {
            throw new IllegalArgumentException("range trim " + trim + " leaves a " + bits + "-bit domain at sparsity "
                    + sparsity + " with queries of up to " + worst + " nodes, more than " + MAX_COVER_SIZE
                    + "; declare a smaller trim or a smaller sparsity");
        }
        this.maxCoverSize = worst.intValueExact();
    }

    /**
     * The most nodes {@link #cover} returns for any interval, exactly (some interval needs that many).
     *
     * <p>Proof. Write the stored levels {@code l_0 = 0 < l_1 < ... < l_k = T}, and
     * {@code F(i) = sum over j < i of (2^(l_(j+1) - l_j) - 1)}.
     *
     * <p>(a) A proper suffix (or prefix) of a level-{@code l_i} node takes at most {@code F(i)} nodes: by induction
     * on {@code i}, it is a proper suffix of the level-{@code l_(i-1)} node holding its first code (at most
     * {@code F(i-1)} nodes, none if that suffix is the whole node) followed by at most {@code 2^(l_i - l_(i-1)) - 1}
     * whole level-{@code l_(i-1)} nodes; {@code F(0) = 0}. Equality for the suffix of length {@code 2^(l_i) - 1}.
     *
     * <p>(b) If {@code k = 0} (leaves only), an interval takes one node per code: at most {@code 2^bits}, the whole
     * domain.
     *
     * <p>(c) If {@code T < bits}: an interval inside one level-{@code T} node is that node (1) or, by (a) one level
     * down, at most {@code 2 F(k-1) + 2^(T - l_(k-1)) - 2} nodes (or {@code 2^T - 1} leaves when {@code k = 1}),
     * both at most the bound below. An interval across several level-{@code T} nodes is a proper suffix of the first
     * or that whole node, whole nodes, and a proper prefix of the last or that whole node; the
     * {@code 2^(bits-T)} level-{@code T} nodes and (a) give at most {@code 2 F(k) + 2^(bits-T) - 2}, reached by
     * {@code [1, 2^bits - 2]} (and not exceeded by the whole domain, {@code 2^(bits-T)} nodes, as {@code F(k) >= 1}).
     *
     * <p>(d) If {@code T = bits}: the whole domain is the root (1 node); every other interval avoids the root and is
     * case (b) or (c) for the levels below {@code T} without the whole domain: at most {@code 2^bits - 1} when
     * {@code k = 1}, else {@code 2 F(k-1) + 2^(bits - l_(k-1)) - 2}.
     *
     * <p>The cover is minimal (see the class comment), so these bounds of a particular tiling bound it too; the tests
     * check the bound is reached, over every interval of every small domain.
     */
    public int maxCoverSize() {
        return maxCoverSize;
    }

    private static BigInteger worstCover(int bits, int[] levels) {
        int k = levels.length - 1;
        int top = levels[k];
        if (k == 0) {
            return pow2(bits);
        }
        if (top < bits) {
            return fringe(levels, k).shiftLeft(1).add(pow2(bits - top)).subtract(BigInteger.TWO);
        }
        if (k == 1) {
            return pow2(bits).subtract(BigInteger.ONE);
        }
        return fringe(levels, k - 1).shiftLeft(1).add(pow2(bits - levels[k - 1])).subtract(BigInteger.TWO);
    }

    /** {@code F(i)}: the most nodes a proper suffix of a level-{@code levels[i]} node takes. */
    private static BigInteger fringe(int[] levels, int i) {
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < i; j++) {
            sum = sum.add(pow2(levels[j + 1] - levels[j])).subtract(BigInteger.ONE);
        }
        return sum;
    }

    private static BigInteger pow2(int exponent) {
        return BigInteger.ONE.shiftLeft(exponent);
    }

    /** The code width. */
    public int bits() {
        return bits;
    }

    /** Every how many levels one is stored. */
    public int sparsity() {
        return sparsity;
    }

    /** How many top stored levels are dropped. */
    public int trim() {
        return trim;
    }

    /** The stored levels, ascending, starting with 0. */
    public List<Integer> storedLevels() {
        List<Integer> list = new ArrayList<>(levels.length);
        for (int level : levels) {
            list.add(level);
        }
        return Collections.unmodifiableList(list);
    }

    /** Tokens a stored value gets: one per stored level. */
    public int tokensPerValue() {
        return levels.length;
    }

    /**
     * The nodes containing {@code code}, one per stored level, from the leaf up.
     *
     * @throws IllegalArgumentException when the code is beyond {@code 2^bits - 1}
     */
    public List<Node> nodesOf(long code) {
        requireCode(code);
        Node[] nodes = new Node[levels.length];
        for (int i = 0; i < levels.length; i++) {
            nodes[i] = Node.containing(levels[i], code);
        }
        return List.of(nodes);
    }

    /**
     * The fewest stored-level nodes whose code sets are disjoint and together exactly {@code interval}, in code
     * order; at most {@link #maxCoverSize()} of them.
     *
     * @throws IllegalArgumentException when the interval reaches beyond {@code 2^bits - 1}
     */
    public List<Node> cover(CodeInterval interval) {
        requireCode(interval.hi());
        List<Node> nodes = new ArrayList<>();
        long hi = interval.hi();
        long start = interval.lo();
        while (true) {
            long room = hi - start; // unsigned: codes left after start
            Node node = largestAt(start, room);
            nodes.add(node);
            long last = node.lastCode();
            if (last == hi) {
                return Collections.unmodifiableList(nodes);
            }
            start = last + 1;
        }
    }

    /** The largest stored node starting at {@code start} with at most {@code room} codes after its first. */
    private Node largestAt(long start, long room) {
        for (int i = levels.length - 1; i > 0; i--) {
            long mask = Node.mask(levels[i]);
            if ((start & mask) == 0 && Long.compareUnsigned(mask, room) <= 0) {
                return Node.containing(levels[i], start);
            }
        }
        return new Node(0, start);
    }

    private void requireCode(long code) {
        if (bits < 64 && (code >>> bits) != 0) {
            // a code stands for a value: not in the message
            throw new IllegalArgumentException("code beyond the " + bits + "-bit domain");
        }
    }

    @Override
    public String toString() {
        return "DyadicCover[bits=" + bits + ", sparsity=" + sparsity + ", trim=" + trim + ", levels="
                + Arrays.toString(levels) + "]";
    }

    /**
     * A node of the tree: the codes {@code c} with {@code c >>> level == prefix} (all codes at level 64).
     *
     * @param level 0 (a single code) to 64
     * @param prefix the codes' common high bits, unsigned; 0 at level 64
     */
    public record Node(int level, long prefix) {
        /** Checks the level, and that the prefix has no bits above {@code 64 - level}. */
        public Node {
            if (level < 0 || level > 64) {
                throw new IllegalArgumentException("node level " + level + " is not between 0 and 64");
            }
            if (level > 0 && (level == 64 ? prefix != 0 : (prefix >>> (64 - level)) != 0)) {
                throw new IllegalArgumentException("node prefix too wide for level " + level);
            }
        }

        static Node containing(int level, long code) {
            return new Node(level, level == 64 ? 0 : code >>> level);
        }

        /** The low {@code level} bits set: the offsets within a node of that level. */
        static long mask(int level) {
            return level == 64 ? -1L : (1L << level) - 1;
        }

        /** The node's first code, unsigned. */
        public long firstCode() {
            return level == 64 ? 0 : prefix << level;
        }

        /** The node's last code, unsigned. */
        public long lastCode() {
            return firstCode() | mask(level);
        }

        /** Whether the node contains {@code code}. */
        public boolean contains(long code) {
            return level == 64 || code >>> level == prefix;
        }

        /** The stable encoding to key: the level (1 byte), then the prefix (8 bytes, big-endian). */
        public byte[] bytes() {
            return ByteBuffer.allocate(9).put((byte) level).putLong(prefix).array();
        }
    }
}
