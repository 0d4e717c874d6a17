package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.CellFormat;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.ValueFormat;

/**
 * A column that an authenticated job is decrypting back, in an application whose configuration does not let it
 * write plaintext there: it writes nothing (not plaintext, which only its own configuration may allow; not cells,
 * which the job is turning into plaintext), refuses equality (rows hold both forms), and reads cells only: a value
 * that is not an authentic cell is a {@link dev.hibernateae.api.CellDecryptionException}.
 */
final class RefusedWritesFormat implements ValueFormat {
    private final EncryptedAttribute<?> attribute;
    private final CellFormat cells;
    private final ColumnTransition transition;

    RefusedWritesFormat(EncryptedAttribute<?> attribute, CellFormat cells, ColumnTransition transition) {
        this.attribute = attribute;
        this.cells = cells;
        this.transition = transition;
    }

    @Override
    public byte[] store(byte[] plaintext) {
        throw new AlwaysEncryptedException("Cannot write " + attribute.role() + ": its column is being decrypted back ("
                + transition.describe() + "), and setting " + EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS
                + " of this application does not name " + transition.columnId() + ". Only this application's own "
                + "configuration can let it write plaintext: add the column to that setting and restart, or deploy "
                + "the version without @Encrypted on it once the job completes");
    }

    @Override
    public byte[] load(byte[] stored) {
        return cells.load(stored);
    }

    @Override
    public byte[] equalityForm(byte[] plaintext, int index) {
        throw refused();
    }

    /** Writes nothing, so derives no tokens (the write itself is refused by {@link #store}). */
    @Override
    public String cellWriteKey() {
        return null;
    }

    @Override
    public boolean singleForm() {
        return false;
    }

    @Override
    public int equalityFormCount() {
        throw refused();
    }

    @Override
    public byte[] cell(byte[] plaintext) {
        return cells.cell(plaintext);
    }

    private UnsupportedEncryptedQueryException refused() {
        return new UnsupportedEncryptedQueryException(attribute.simpleRole(), "=", "Equality on " + attribute.role()
                + " cannot be answered: its column is being decrypted back (" + transition.describe() + ") and "
                + "setting " + EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS + " of this application does not name "
                + transition.columnId() + ", so it may not look for plaintext. Add the column to that setting and "
                + "restart");
    }
}
