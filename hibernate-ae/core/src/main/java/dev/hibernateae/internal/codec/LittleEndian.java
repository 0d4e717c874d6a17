package dev.hibernateae.internal.codec;

/** Little-endian integer writing and reading, the byte order of every SQL Server normalized value. */
final class LittleEndian {
    private LittleEndian() {
    }

    static void write(long value, byte[] out, int offset, int length) {
        for (int i = 0; i < length; i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Reads {@code length} bytes as an unsigned value (length up to 7) or a signed long (length 8). */
    static long read(byte[] in, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (in[offset + i] & 0xFFL) << (8 * i);
        }
        return value;
    }
}
