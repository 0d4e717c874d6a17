package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Re-encrypts a cell from the source key to the target key, keeping its encryption type: a deterministic cell is
 * one that the source key's deterministic encryption of its plaintext reproduces exactly (its IV is derived from
 * the plaintext); any other is randomized. Cells already under the target are kept; cells under neither key are
 * reported, never written.
 */
public final class RotateTransform implements CellTransform {
    private final String sourceName;
    private final String targetName;
    private final CellKey source;
    private final CellKey target;
    /** A hint only: races between workers cost a tag check, never a wrong outcome. */
    private volatile boolean lastWasTarget;

    public RotateTransform(String sourceName, CellKey source, String targetName, CellKey target) {
        this.sourceName = sourceName;
        this.targetName = targetName;
        this.source = source;
        this.target = target;
    }

    @Override
    public Outcome apply(byte[] stored) {
        // Try first the key the previous cell was under: the source while rewriting, the target while verifying.
        // A miss costs one tag check, which fails in constant time.
        if (lastWasTarget && authenticates(target, stored)) {
            return Keep.INSTANCE;
        }
        byte[] plaintext;
        try {
            plaintext = new CellCipher(source, EncryptionType.RANDOMIZED).decrypt(stored);
            lastWasTarget = false;
        } catch (RuntimeException notSource) {
            if (!lastWasTarget && authenticates(target, stored)) {
                lastWasTarget = true;
                return Keep.INSTANCE;
            }
            return new Unreadable("authenticates under neither column encryption key '" + sourceName + "' nor '"
                    + targetName + "'");
        }
        try {
            byte[] deterministic = new CellCipher(source, EncryptionType.DETERMINISTIC).encrypt(plaintext);
            EncryptionType type = MessageDigest.isEqual(deterministic, stored) ? EncryptionType.DETERMINISTIC
                    : EncryptionType.RANDOMIZED;
            CellCipher next = new CellCipher(target, type);
            byte[] rewritten = next.encrypt(plaintext);
            byte[] check = next.decrypt(rewritten);
            boolean verified = MessageDigest.isEqual(check, plaintext);
            Arrays.fill(check, (byte) 0);
            if (!verified) {
                return new Unreadable("re-encryption under '" + targetName + "' did not decrypt back");
            }
            return new Rewrite(rewritten);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static boolean authenticates(CellKey key, byte[] cell) {
        try {
            byte[] plaintext = new CellCipher(key, EncryptionType.RANDOMIZED).decrypt(cell);
            Arrays.fill(plaintext, (byte) 0);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "re-encrypt from column encryption key '" + sourceName + "' to '" + targetName + "'";
    }
}
