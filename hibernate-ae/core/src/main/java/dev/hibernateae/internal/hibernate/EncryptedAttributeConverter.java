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
import dev.hibernateae.internal.lifecycle.ColumnForms;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.LifecycleSnapshot;
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
    private volatile String tableName;
    private volatile String columnName;

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
        LifecycleSnapshot state = runtime.lifecycleState();
        ColumnTransition transition = runtime.transition(state, this);
        if (transition != null && transition.writesPlaintext()) {
            // The column is being decrypted back: from now on this application writes plaintext too.
            return ColumnForms.formatPlaintext(this, value);
        }
        byte[] plaintext;
        try {
            plaintext = codec.encode(value);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot encrypt " + role + ": " + e.getMessage(), e);
        }
        try {
            return cipher(state).encrypt(plaintext);
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
        LifecycleSnapshot state = runtime.lifecycleState();
        ColumnTransition transition = runtime.transition(state, this);
        if (transition != null && transition.readsPlaintext() && !ColumnForms.looksLikeCell(cell)) {
            // The column is being encrypted in place (or decrypted back): this value is still plaintext.
            return ColumnForms.parsePlaintext(this, cell);
        }
        CellCipher cipher;
        try {
            cipher = cipher(state);
        } catch (ColumnMasterKeyException | ColumnEncryptionKeyException e) {
            if (runtime.unreadableAsNull() && !collectionElement) {
                return null;
            }
            throw e;
        }
        byte[] plaintext = decrypt(state, cipher, cell);
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

    /**
     * Decrypts with the key this attribute writes with; during and after a rotation of its key, a cell that does
     * not authenticate under it (a cheap, constant-time tag check) is tried under the key rotated from.
     */
    private byte[] decrypt(LifecycleSnapshot state, CellCipher cipher, byte[] cell) {
        try {
            return cipher.decrypt(cell);
        } catch (CellDecryptionException e) {
            String fallbackKey = state.fallbackKey(keyName);
            if (e.reason() == CellDecryptionException.Reason.TAG_MISMATCH && fallbackKey != null) {
                try {
                    return runtime.fallbackCipher(state, keyName, type).decrypt(cell);
                } catch (AlwaysEncryptedException fallbackFailure) {
                    e.addSuppressed(fallbackFailure);
                }
            }
            throw new CellDecryptionException(e.reason(), "Cannot decrypt " + role + " (column encryption key '"
                    + state.writeKey(keyName) + "'" + (fallbackKey == null ? "" : ", or '" + fallbackKey
                    + "' that key name '" + keyName + "' was rotated from") + "): " + e.getMessage(), e);
        }
    }

    private CellCipher cipher(LifecycleSnapshot state) {
        try {
            return runtime.cipher(state, keyName, type);
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

    /** The table of the attribute's column (without schema); null until the mapping is complete. */
    public String tableName() {
        return tableName;
    }

    /** The attribute's column; null until the mapping is complete. */
    public String columnName() {
        return columnName;
    }

    void column(String table, String column) {
        this.tableName = table;
        this.columnName = column;
    }

    /** How this attribute's values become plaintext bytes. */
    public PlaintextCodec<T> codec() {
        return codec;
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
