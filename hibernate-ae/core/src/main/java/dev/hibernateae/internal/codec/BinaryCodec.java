package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;

/** varbinary: the bytes themselves, copied so that neither side shares an array with the other. */
final class BinaryCodec implements PlaintextCodec<byte[]> {
    private final int maxLength;

    BinaryCodec(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public Class<byte[]> javaType() {
        return byte[].class;
    }

    @Override
    public byte[] encode(byte[] value) {
        if (maxLength >= 0 && value.length > maxLength) {
            throw new UnsupportedPlaintextException("Byte array of " + value.length
                    + " bytes is longer than the attribute's length of " + maxLength + "; raise @Column(length)");
        }
        return value.clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
        return bytes.clone();
    }

    @Override
    public int maxEncodedLength() {
        return maxLength;
    }
}
