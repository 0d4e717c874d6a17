package dev.hibernateae.internal.lifecycle;

/**
 * A lifecycle record as read from its table, with the tag stored beside it; nothing in it is trusted until
 * {@link RecordAuthentication} verified the tag.
 *
 * @param record a {@link KeyRotation} or a {@link ColumnTransition}
 * @param tag the stored tag, or null when the row has none
 */
public record StoredRecord<T>(T record, byte[] tag) {
}
