package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyRing;
import java.util.List;
import java.util.Objects;

/**
 * Values stored as cells: written under one column encryption key, read under it or, while and after a rotation of
 * the attribute's key name, under the key it rotated from. A cell that does not authenticate under the first key is
 * tried under the next (a constant-time tag check each); one that authenticates under none is an error.
 */
public final class CellFormat implements ValueFormat {
    private final EncryptedAttribute<?> attribute;
    private final KeyRing keys;
    private final List<String> readKeys;
    private final List<String> matchKeys;

    /**
     * @param readKeys the keys a cell may be under, the key new cells are written with first
     * @param matchKeys the keys an equality looks for cells under, the write key first; a prefix of
     *        {@code readKeys} or equal to it
     */
    public CellFormat(EncryptedAttribute<?> attribute, KeyRing keys, List<String> readKeys, List<String> matchKeys) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.readKeys = List.copyOf(readKeys);
        this.matchKeys = List.copyOf(matchKeys);
        if (this.readKeys.isEmpty() || this.matchKeys.isEmpty() || !this.readKeys.get(0).equals(this.matchKeys.get(0))) {
            throw new IllegalArgumentException("a cell format writes with the first of its read and match keys");
        }
    }

    /** Cells under the attribute's own key name: the format outside any lifecycle operation. */
    public static CellFormat ofKeyName(EncryptedAttribute<?> attribute, KeyRing keys) {
        return new CellFormat(attribute, keys, List.of(attribute.keyName()), List.of(attribute.keyName()));
    }

    /** The column encryption key new cells are written with. */
    @Override
    public String cellWriteKey() {
        return writeKey();
    }

    public String writeKey() {
        return readKeys.get(0);
    }

    public List<String> readKeys() {
        return readKeys;
    }

    /** The keys stored values may be under and an equality looks for, the write key first. */
    public List<String> matchKeys() {
        return matchKeys;
    }

    @Override
    public byte[] store(byte[] plaintext) {
        return cipher(writeKey(), attribute.type()).encrypt(plaintext);
    }

    @Override
    public byte[] cell(byte[] plaintext) {
        return store(plaintext);
    }

    @Override
    public byte[] load(byte[] stored) {
        CellDecryptionException first = null;
        for (String key : readKeys) {
            try {
                return cipher(key, attribute.type()).decrypt(stored);
            } catch (CellDecryptionException e) {
                if (e.reason() != CellDecryptionException.Reason.TAG_MISMATCH) {
                    throw failure(e);
                }
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw failure(first);
    }

    @Override
    public byte[] equalityForm(byte[] plaintext, int index) {
        if (attribute.type() != EncryptionType.DETERMINISTIC) {
            return store(plaintext);
        }
        return cipher(matchKeys.get(index), EncryptionType.DETERMINISTIC).encrypt(plaintext);
    }

    @Override
    public int equalityFormCount() {
        return attribute.type() == EncryptionType.DETERMINISTIC ? matchKeys.size() : 1;
    }

    @Override
    public boolean singleForm() {
        return matchKeys.size() == 1;
    }

    private CellCipher cipher(String key, EncryptionType type) {
        CellKey cellKey;
        try {
            cellKey = keys.cellKey(key);
        } catch (ColumnMasterKeyException e) {
            throw new ColumnMasterKeyException("Cannot use " + attribute.role() + ": " + e.getMessage(), e);
        } catch (ColumnEncryptionKeyException e) {
            throw new ColumnEncryptionKeyException("Cannot use " + attribute.role() + ": " + e.getMessage(), e);
        }
        return new CellCipher(cellKey, type);
    }

    private CellDecryptionException failure(CellDecryptionException cause) {
        String keyNames = readKeys.size() == 1 ? "column encryption key '" + readKeys.get(0) + "'"
                : "column encryption keys " + readKeys + " (key name '" + attribute.keyName() + "' is being or was "
                        + "rotated)";
        return new CellDecryptionException(cause.reason(), "Cannot decrypt " + attribute.role() + " (" + keyNames
                + "): " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "CellFormat[" + attribute.role() + ", write " + writeKey() + ", read " + readKeys + ", match "
                + matchKeys + "]";
    }
}
