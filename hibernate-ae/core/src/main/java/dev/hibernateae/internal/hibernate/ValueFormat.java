package dev.hibernateae.internal.hibernate;

import java.util.List;

/**
 * How one encrypted attribute's values are stored at one moment of the key lifecycle: usually cells under its key,
 * during a rotation cells under either of two keys, and, only in a window the application's own configuration opens,
 * plaintext text. Works on normalized plaintext bytes (the attribute's codec makes them); every method that returns
 * bytes returns a new array the caller owns.
 */
public interface ValueFormat {

    /** The stored form of one value. */
    byte[] store(byte[] plaintext);

    /**
     * The normalized plaintext bytes of a stored value.
     *
     * @throws dev.hibernateae.api.CellDecryptionException when the value is not an authentic cell of the attribute's
     *         keys (and no configured window admits it as plaintext)
     */
    byte[] load(byte[] stored);

    /**
     * How many stored forms an equality on a value must match: one outside any transition, two or three while one
     * runs.
     *
     * @throws dev.hibernateae.api.UnsupportedEncryptedQueryException when equality cannot be answered in this state
     */
    int equalityFormCount();

    /**
     * The {@code index}-th stored form an equality on this value must match ({@code 0 <= index <
     * equalityFormCount()}); form 0 is the one {@link #store} writes.
     */
    byte[] equalityForm(byte[] plaintext, int index);

    /** Every form of {@link #equalityForm}, in order. */
    default List<byte[]> equalityForms(byte[] plaintext) {
        int count = equalityFormCount();
        List<byte[]> forms = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            forms.add(equalityForm(plaintext, i));
        }
        return forms;
    }

    /**
     * Whether every stored value has one form now, so stored values can be compared with each other in SQL (a
     * column with another, {@code IN} a subquery); false while a rotation or transition runs.
     */
    boolean singleForm();

    /**
     * The column encryption key new values' cells are written under, or null when new values are written as
     * plaintext text: the key their search tokens are derived under.
     */
    String cellWriteKey();

    /** A cell of the value whatever the window: what may be kept outside the database (the second-level cache). */
    byte[] cell(byte[] plaintext);
}
