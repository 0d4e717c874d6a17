package dev.hibernateae.internal.crypto;

import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One column encryption key as the application holds it once unwrapped: the {@link CellKey} of SQL Server's cell
 * format, and a derivation key for the keyed values hibernate-ae adds of its own (the authentication of lifecycle
 * records, and purpose keys to come). Both come from the same 32 bytes; the derivation key is
 * {@code HMAC-SHA256(CEK, UTF-16LE(DERIVATION_LABEL))}, a label SQL Server does not use, so it is independent of
 * the three cell keys. The 32 bytes themselves are not kept.
 *
 * <p>Zeroed like a cell key: on {@link #destroy()}, or by a {@link Cleaner} once nobody references it.
 */
public final class ColumnKey implements AutoCloseable {
    /** The label of the derivation key; changing it changes every keyed value derived from it. */
    static final String DERIVATION_LABEL = "hibernate-ae derivation key with root key length:256";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Cleaner ZEROIZER = Cleaner.create();

    private final CellKey cells;
    private final DestroyableSecretKey derivation;
    private final Cleaner.Cleanable zeroing;
    private final java.util.Map<String, SearchTokenHash> searchHashes = new java.util.concurrent.ConcurrentHashMap<>();

    private ColumnKey(CellKey cells, DestroyableSecretKey derivation) {
        this.cells = cells;
        this.derivation = derivation;
        this.zeroing = ZEROIZER.register(this, derivation::destroy);
    }

    /**
     * Derives the cell keys and the derivation key from a column encryption key. The caller keeps ownership of
     * {@code rootKey} and should zero it when done.
     *
     * @throws IllegalArgumentException if the key is not exactly 32 bytes
     */
    public static ColumnKey derive(byte[] rootKey) {
        CellKey cells = CellKey.derive(rootKey);
        byte[] derivation = hmac(rootKey, DERIVATION_LABEL.getBytes(StandardCharsets.UTF_16LE));
        try {
            return new ColumnKey(cells, new DestroyableSecretKey(derivation, HMAC_SHA256));
        } finally {
            Arrays.fill(derivation, (byte) 0);
        }
    }

    /**
     * {@link #derive}, then zeroes {@code rootKey} whatever happens: for a key just unwrapped, which nobody needs
     * afterwards.
     */
    public static ColumnKey deriveAndZero(byte[] rootKey) {
        try {
            return derive(rootKey);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    /** The keys of SQL Server's cell format. */
    public CellKey cells() {
        return cells;
    }

    /**
     * The keyed hash for one purpose: {@code HMAC-SHA256(derivation key, UTF-8(purpose))} keys it. Distinct
     * purposes give independent keys; a database administrator, who never holds the column encryption key, can
     * compute none of them.
     */
    public KeyedHash keyedHash(String purpose) {
        byte[] derivationBytes = derivation.getEncoded();
        byte[] key = null;
        try {
            key = hmac(derivationBytes, purpose.getBytes(StandardCharsets.UTF_8));
            return new KeyedHash(key);
        } finally {
            Arrays.fill(derivationBytes, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /**
     * The token hash of one search scheme of one attribute: keyed with {@code HMAC-SHA256(derivation key,
     * UTF-8("hibernate-ae search tokens v1 " + purpose))}, so distinct purposes (scheme and column) give unrelated
     * tokens. Cached: a token hash is asked for on every write and query of a searchable attribute.
     */
    public SearchTokenHash searchTokens(String purpose) {
        return searchHashes.computeIfAbsent(purpose, p -> {
            byte[] derivationBytes = derivation.getEncoded();
            byte[] key = null;
            try {
                key = hmac(derivationBytes, ("hibernate-ae search tokens v1 " + p).getBytes(StandardCharsets.UTF_8));
                return new SearchTokenHash(key);
            } finally {
                Arrays.fill(derivationBytes, (byte) 0);
                if (key != null) {
                    Arrays.fill(key, (byte) 0);
                }
            }
        });
    }

    /** Zeroes the bytes held here now; see {@link CellKey#destroy()} for when that is safe. */
    public void destroy() {
        searchHashes.clear();
        zeroing.clean();
        cells.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "ColumnKey[redacted]";
    }

    /** HMAC-SHA256; the caller owns {@code key} and zeroes it. */
    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks HmacSHA256", e);
        }
    }
}
