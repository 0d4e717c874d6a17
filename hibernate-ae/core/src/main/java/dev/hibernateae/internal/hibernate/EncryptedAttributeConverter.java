package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.crypto.CellCipher;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;

/**
 * The converter of one {@code @Encrypted} attribute: value → normalized bytes → cell, and back. Hibernate applies
 * it to the attribute's reads and writes and to query parameters and literals compared with the attribute, which
 * is how equality queries bind ciphertext.
 */
public final class EncryptedAttributeConverter<T> implements AttributeConverter<T, byte[]> {
    private final Class<T> javaType;
    private final EncryptionType type;
    private final String keyName;
    private final PlaintextCodec<T> codec;
    private final CodecOptions codecOptions;
    private final EncryptionRuntime runtime;
    private final boolean collectionElement;
    private final int cellLength;
    private volatile String role;

    EncryptedAttributeConverter(String role, Class<T> javaType, EncryptionType type, String keyName,
            PlaintextCodec<T> codec, CodecOptions codecOptions, EncryptionRuntime runtime, boolean collectionElement,
            int cellLength) {
        this.role = role;
        this.javaType = javaType;
        this.type = type;
        this.keyName = keyName;
        this.codec = codec;
        this.codecOptions = codecOptions;
        this.runtime = runtime;
        this.collectionElement = collectionElement;
        this.cellLength = cellLength;
    }

    @Override
    public byte[] convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        byte[] plaintext;
        try {
            plaintext = codec.encode(value);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot encrypt " + role + ": " + e.getMessage(), e);
        }
        try {
            return cipher().encrypt(plaintext);
        } finally {
            if (plaintext != value) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    @Override
    public T convertToEntityAttribute(byte[] cell) {
        if (cell == null) {
            return null;
        }
        CellCipher cipher;
        try {
            cipher = cipher();
        } catch (ColumnMasterKeyException | ColumnEncryptionKeyException e) {
            if (runtime.unreadableAsNull() && !collectionElement) {
                return null;
            }
            throw e;
        }
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(cell);
        } catch (CellDecryptionException e) {
            throw new CellDecryptionException(e.reason(), "Cannot decrypt " + role + " (column encryption key '"
                    + keyName + "'): " + e.getMessage(), e);
        }
        try {
            return codec.decode(plaintext);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot read " + role + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Encrypts a value as this attribute stores it, for native SQL; type-checked so a wrong value type is a clear
     * error instead of a cell that matches nothing.
     */
    public byte[] encryptValue(Object value) {
        if (value != null && !javaType.isInstance(value)) {
            throw new AlwaysEncryptedException("Encrypted attribute " + role + " holds " + javaType.getName()
                    + " values, not " + value.getClass().getName());
        }
        return convertToDatabaseColumn(javaType.cast(value));
    }

    private CellCipher cipher() {
        try {
            return runtime.cipher(keyName, type);
        } catch (ColumnMasterKeyException e) {
            throw new ColumnMasterKeyException("Cannot use " + role + ": " + e.getMessage(), e);
        } catch (ColumnEncryptionKeyException e) {
            throw new ColumnEncryptionKeyException("Cannot use " + role + ": " + e.getMessage(), e);
        }
    }

    /** {@code com.example.Patient.ssn}, {@code com.example.Patient.address.zip}, {@code ...Patient.aliases}. */
    public String role() {
        return role;
    }

    void role(String fullRole) {
        this.role = fullRole;
    }

    public EncryptionType type() {
        return type;
    }

    public String keyName() {
        return keyName;
    }

    public Class<T> javaType() {
        return javaType;
    }

    /**
     * The mapping choices that shape the plaintext bytes (string encoding, decimal scale, ...): two deterministic
     * attributes under the same key hold equal cells for equal values only when these agree.
     */
    public CodecOptions codecOptions() {
        return codecOptions;
    }

    public boolean collectionElement() {
        return collectionElement;
    }

    /** The largest cell this attribute writes: the column must hold at least this many bytes. */
    public int cellLength() {
        return cellLength;
    }

    @Override
    public String toString() {
        return "EncryptedAttributeConverter[" + role + ", " + type + ", key " + keyName + "]";
    }
}
