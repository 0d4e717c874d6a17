package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;

/**
 * real (4-byte little-endian IEEE float) and float (8-byte double). SQL Server stores neither infinities nor NaN,
 * so they are refused. Negative zero becomes zero: SQL compares them as equal, and a deterministic cell must not
 * tell them apart.
 */
final class FloatingPointCodec {
    private FloatingPointCodec() {
    }

    static PlaintextCodec<Float> floats() {
        return new PlaintextCodec<>() {
            @Override
            public Class<Float> javaType() {
                return Float.class;
            }

            @Override
            public byte[] encode(Float value) {
                float f = value;
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    throw refused("real");
                }
                byte[] out = new byte[4];
                LittleEndian.write(Float.floatToIntBits(f == 0.0f ? 0.0f : f), out, 0, 4);
                return out;
            }

            @Override
            public Float decode(byte[] bytes) {
                Lengths.require(bytes, 4, "real", Float.class);
                return Float.intBitsToFloat((int) LittleEndian.read(bytes, 0, 4));
            }

            @Override
            public int maxEncodedLength() {
                return 4;
            }
        };
    }

    static PlaintextCodec<Double> doubles() {
        return new PlaintextCodec<>() {
            @Override
            public Class<Double> javaType() {
                return Double.class;
            }

            @Override
            public byte[] encode(Double value) {
                double d = value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw refused("float");
                }
                byte[] out = new byte[8];
                LittleEndian.write(Double.doubleToLongBits(d == 0.0d ? 0.0d : d), out, 0, 8);
                return out;
            }

            @Override
            public Double decode(byte[] bytes) {
                Lengths.require(bytes, 8, "float", Double.class);
                return Double.longBitsToDouble(LittleEndian.read(bytes, 0, 8));
            }

            @Override
            public int maxEncodedLength() {
                return 8;
            }
        };
    }

    private static UnsupportedPlaintextException refused(String sqlType) {
        return new UnsupportedPlaintextException("Infinite and NaN values cannot be stored: SQL Server's " + sqlType
                + " has no representation for them");
    }
}
