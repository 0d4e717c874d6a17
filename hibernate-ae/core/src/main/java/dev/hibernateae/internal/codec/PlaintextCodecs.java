package dev.hibernateae.internal.codec;

import dev.hibernateae.api.AlwaysEncryptedException;

/** Chooses the codec for an attribute's Java type, from {@link EncryptableTypes}. */
public final class PlaintextCodecs {
    private PlaintextCodecs() {
    }

    /**
     * The codec for {@code javaType} with the attribute's options.
     *
     * @throws AlwaysEncryptedException if the type cannot be encrypted
     */
    @SuppressWarnings("unchecked")
    public static <T> PlaintextCodec<T> forType(Class<T> javaType, CodecOptions options) {
        EncryptableType entry = EncryptableTypes.of(javaType).orElseThrow(() -> new AlwaysEncryptedException(
                "Attributes of type " + javaType.getName() + " cannot be encrypted; supported types are "
                        + EncryptableTypes.supportedList()));
        return (PlaintextCodec<T>) entry.codec().create(EncryptableTypes.boxed(javaType), options);
    }
}
