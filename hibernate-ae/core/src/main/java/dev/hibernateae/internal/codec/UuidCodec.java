package dev.hibernateae.internal.codec;

import java.util.UUID;

/**
 * uniqueidentifier: the 16 bytes in .NET GUID order, where the first three groups (4, 2 and 2 bytes) are
 * little-endian and the last eight bytes are as written.
 */
final class UuidCodec implements PlaintextCodec<UUID> {
    @Override
    public Class<UUID> javaType() {
        return UUID.class;
    }

    @Override
    public byte[] encode(UUID value) {
        long msb = value.getMostSignificantBits();
        byte[] out = new byte[16];
        LittleEndian.write(msb >>> 32, out, 0, 4);
        LittleEndian.write(msb >>> 16, out, 4, 2);
        LittleEndian.write(msb, out, 6, 2);
        long lsb = value.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return out;
    }

    @Override
    public UUID decode(byte[] bytes) {
        Lengths.require(bytes, 16, "uniqueidentifier", UUID.class);
        long msb = (LittleEndian.read(bytes, 0, 4) << 32) | (LittleEndian.read(bytes, 4, 2) << 16)
                | LittleEndian.read(bytes, 6, 2);
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            lsb = (lsb << 8) | (bytes[8 + i] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    @Override
    public int maxEncodedLength() {
        return 16;
    }
}
