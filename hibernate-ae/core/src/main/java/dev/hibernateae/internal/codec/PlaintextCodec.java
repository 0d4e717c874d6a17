package dev.hibernateae.internal.codec;

/**
 * Turns one Java type into the bytes SQL Server's drivers encrypt for the matching column type, and back, so a
 * cell written here decrypts to the same value in SQL Server's drivers. The same value always yields the same
 * bytes, which is what makes deterministic equality work.
 *
 * <p>Implementations are immutable and thread-safe. They never receive {@code null} (nulls are never encrypted)
 * and report values they cannot represent as {@link dev.hibernateae.api.UnsupportedPlaintextException}, whose
 * message names the type and rule but not the value.
 */
public interface PlaintextCodec<T> {

    /** The Java type this codec handles. */
    Class<T> javaType();

    /** The normalized plaintext bytes of {@code value}. */
    byte[] encode(T value);

    /** The value whose normalized bytes are {@code bytes}; rejects bytes that no value encodes to. */
    T decode(byte[] bytes);

    /** The largest number of bytes {@link #encode} returns, or {@code -1} when the type has no bound. */
    int maxEncodedLength();
}
