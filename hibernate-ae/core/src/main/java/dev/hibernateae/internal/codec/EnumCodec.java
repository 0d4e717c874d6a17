package dev.hibernateae.internal.codec;

import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.api.UnsupportedPlaintextException;

/** Enums by name (as a string, the default) or by ordinal (as an int). */
final class EnumCodec<E extends Enum<E>> implements PlaintextCodec<E> {
    private final Class<E> type;
    private final E[] constants;
    private final PlaintextCodec<String> names;
    private final PlaintextCodec<Integer> ordinals;

    /** The codec of enum {@code type} with the attribute's mapping and string encoding. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PlaintextCodec<?> of(Class<?> type, CodecOptions options) {
        return new EnumCodec(type, options.enumMapping(), options.stringEncoding());
    }

    EnumCodec(Class<E> type, CodecOptions.EnumMapping mapping, StringEncoding encoding) {
        this.type = type;
        this.constants = type.getEnumConstants();
        if (mapping == CodecOptions.EnumMapping.NAME) {
            int longest = 0;
            for (E constant : constants) {
                longest = Math.max(longest, constant.name().length());
            }
            this.names = new StringCodec(encoding, longest);
            this.ordinals = null;
        } else {
            this.names = null;
            this.ordinals = IntegralCodec.integers();
        }
    }

    @Override
    public Class<E> javaType() {
        return type;
    }

    @Override
    public byte[] encode(E value) {
        return names != null ? names.encode(value.name()) : ordinals.encode(value.ordinal());
    }

    @Override
    public E decode(byte[] bytes) {
        if (names != null) {
            String name = names.decode(bytes);
            for (E constant : constants) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
        } else {
            int ordinal = ordinals.decode(bytes);
            if (ordinal >= 0 && ordinal < constants.length) {
                return constants[ordinal];
            }
        }
        throw new UnsupportedPlaintextException("Decrypted value names no constant of enum " + type.getName()
                + "; was a constant renamed or removed?");
    }

    @Override
    public int maxEncodedLength() {
        return names != null ? names.maxEncodedLength() : ordinals.maxEncodedLength();
    }
}
