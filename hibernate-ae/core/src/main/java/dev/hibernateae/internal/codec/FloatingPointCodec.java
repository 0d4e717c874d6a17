package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;

/**
 * real (4-byte little-endian IEEE float) and float (8-byte double), every bit as given, as mssql-jdbc writes them.
 * SQL Server stores neither infinities nor NaN, so they are refused (mssql-jdbc refuses infinities but encrypts
 * NaN, which the server cannot check; such cells still read). Negative zero keeps its sign bit, as
 * mssql-jdbc writes it: a deterministic cell of {@code -0.0} is not the cell of {@code 0.0}, so an equality query
 * for one does not find the other, for rows written here and by mssql-jdbc alike.
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
                LittleEndian.write(Float.floatToRawIntBits(f), out, 0, 4);
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
                LittleEndian.write(Double.doubleToRawLongBits(d), out, 0, 8);
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
