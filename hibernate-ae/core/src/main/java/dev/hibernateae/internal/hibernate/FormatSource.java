package dev.hibernateae.internal.hibernate;

/**
 * Where the runtime gets the current {@link ValueFormats}: the key lifecycle, once it is wired, or cells under each
 * attribute's own key name until then.
 */
public interface FormatSource extends AutoCloseable {

    /** The current moment of the key lifecycle; immutable, so one value or statement sees one state. */
    ValueFormats current();

    @Override
    default void close() {
    }
}
