package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.lifecycle.CellShape;
import dev.hibernateae.internal.lifecycle.PlaintextText;
import dev.hibernateae.api.EncryptionType;
import java.util.Arrays;
import java.security.MessageDigest;

/**
 * Decrypts a cell into the value's canonical plaintext text (what the column type change back reads). Values that
 * are already text of the type are kept; cells that do not authenticate are left alone and reported.
 */
public final class DecryptTransform implements CellTransform {
    private final String keyName;
    private final CellCipher cipher;
    private final PlaintextText text;
    private final PlaintextCodec<Object> codec;

    @SuppressWarnings("unchecked")
    public DecryptTransform(String keyName, CellKey key, PlaintextText text, PlaintextCodec<?> codec) {
        this.keyName = keyName;
        this.cipher = new CellCipher(key, EncryptionType.RANDOMIZED);
        this.text = text;
        this.codec = (PlaintextCodec<Object>) codec;
    }

    @Override
    public Outcome apply(byte[] stored) {
        if (!CellShape.looksLikeCell(stored)) {
            try {
                text.parse(stored);
                return Keep.INSTANCE;
            } catch (RuntimeException e) {
                return new Unreadable("neither a cell nor a " + text.javaType().getSimpleName() + " in text form");
            }
        }
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(stored);
        } catch (RuntimeException e) {
            return new Unreadable("does not authenticate under column encryption key '" + keyName + "'");
        }
        try {
            Object value = codec.decode(plaintext);
            byte[] rewritten = text.format(value);
            byte[] reread = codec.encode(text.parse(rewritten));
            boolean verified = MessageDigest.isEqual(reread, plaintext);
            Arrays.fill(reread, (byte) 0);
            if (!verified) {
                return new Unreadable("its plaintext text does not read back as the same value");
            }
            return new Rewrite(rewritten);
        } catch (RuntimeException e) {
            return new Unreadable("its plaintext is not a " + text.javaType().getSimpleName() + ": " + e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public String describe() {
        return "decrypt cells of column encryption key '" + keyName + "' into " + text.javaType().getSimpleName()
                + " plaintext";
    }
}
