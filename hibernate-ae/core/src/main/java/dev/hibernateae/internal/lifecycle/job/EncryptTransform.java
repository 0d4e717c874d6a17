package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.lifecycle.CellShape;
import dev.hibernateae.internal.lifecycle.PlaintextText;
import java.util.Arrays;
import java.security.MessageDigest;

/**
 * Encrypts a value's plaintext text into a cell, exactly as the attribute's converter would encrypt the value.
 * Values shaped like cells must authenticate under the key (they were written by the application) and are kept;
 * a value that neither authenticates nor parses as the type is left alone and reported.
 */
public final class EncryptTransform implements CellTransform {
    private final String keyName;
    private final CellCipher cipher;
    private final PlaintextText text;
    private final PlaintextCodec<Object> codec;

    @SuppressWarnings("unchecked")
    public EncryptTransform(String keyName, CellKey key, EncryptionType type, PlaintextText text,
            PlaintextCodec<?> codec) {
        this.keyName = keyName;
        this.cipher = new CellCipher(key, type);
        this.text = text;
        this.codec = (PlaintextCodec<Object>) codec;
    }

    @Override
    public Outcome apply(byte[] stored) {
        if (CellShape.looksLikeCell(stored)) {
            try {
                Arrays.fill(cipher.decrypt(stored), (byte) 0);
                return Keep.INSTANCE;
            } catch (RuntimeException e) {
                return new Unreadable("shaped like a cell but does not authenticate under column encryption key '"
                        + keyName + "'");
            }
        }
        Object value;
        byte[] plaintext;
        try {
            value = text.parse(stored);
            plaintext = codec.encode(value);
        } catch (RuntimeException e) {
            return new Unreadable("not a " + text.javaType().getSimpleName() + " in text form: " + e.getMessage());
        }
        try {
            byte[] cell = cipher.encrypt(plaintext);
            byte[] check = cipher.decrypt(cell);
            // The cell must decrypt to the very bytes encrypted, and those must decode: then the application reads it.
            boolean verified = MessageDigest.isEqual(check, plaintext) && codec.decode(check) != null;
            Arrays.fill(check, (byte) 0);
            return verified ? new Rewrite(cell) : new Unreadable("its cell did not decrypt back to the same value");
        } finally {
            if (plaintext != value) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    @Override
    public String describe() {
        return "encrypt " + text.javaType().getSimpleName() + " plaintext under column encryption key '" + keyName
                + "' (" + cipher.type() + ")";
    }
}
