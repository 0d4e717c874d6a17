package dev.hibernateae.internal.hibernate;

/**
 * One immutable moment of the key lifecycle, as the value path sees it: the {@link ValueFormat} of each encrypted
 * attribute. A value, or a query and every value bound into it, is stored or matched with one such moment.
 */
@FunctionalInterface
public interface ValueFormats {

    /**
     * @throws dev.hibernateae.api.LifecycleRecordException when a lifecycle record that concerns the attribute
     *         could not be authenticated, so no format can be trusted for it
     */
    ValueFormat format(EncryptedAttribute<?> attribute);
}
