package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;

/**
 * A lifecycle record this application does not trust, and why. It changes nothing: the attributes it concerns get
 * no format, so their values and queries fail with {@link LifecycleRecordException}.
 *
 * @param record the table and the record as stored ({@code hae_key_rotations: rotation of key name 'cek1' ...})
 * @param why what is wrong with it, and what to do
 * @param cause the key error when the record could not be checked, else null
 */
record Rejection(String record, String why, RuntimeException cause) {

    LifecycleRecordException exception(EncryptedAttribute<?> attribute) {
        return new LifecycleRecordException(record, "Cannot store or read " + attribute.role() + ": the key "
                + "lifecycle record " + record + " " + why, cause);
    }

    /** The line logged at ERROR once per rejection. */
    String logLine() {
        return "Refusing key lifecycle record " + record + ": it " + why;
    }
}
