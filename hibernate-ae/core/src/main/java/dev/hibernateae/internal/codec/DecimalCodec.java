package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * decimal(p, s): one sign byte (1 positive or zero, 0 negative) then the unscaled magnitude, little-endian,
 * zero-padded to 16 bytes in all, as mssql-jdbc writes it. The scale is not stored, it is the attribute's: a value
 * is rescaled to it when that is exact (1.5 becomes 1.50) and refused when it would round, so that equal numbers
 * always give equal bytes. A magnitude that needs all 16 bytes (precision 37 and 38) is written as 17 bytes.
 */
final class DecimalCodec implements PlaintextCodec<BigDecimal> {
    private static final int NORMALIZED_LENGTH = 16;

    private final int precision;
    private final int scale;

    DecimalCodec(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
    }

    @Override
    public Class<BigDecimal> javaType() {
        return BigDecimal.class;
    }

    @Override
    public byte[] encode(BigDecimal value) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new UnsupportedPlaintextException("BigDecimal has more fractional digits than the attribute's scale of "
                    + scale + " and would be rounded; round it first or raise @Column(scale)");
        }
        BigInteger unscaled = scaled.unscaledValue();
        BigInteger magnitude = unscaled.abs();
        if (magnitude.signum() != 0 && magnitude.toString().length() > precision) {
            throw new UnsupportedPlaintextException("BigDecimal has more digits than the attribute's precision of "
                    + precision + " (scale " + scale + "); raise @Column(precision)");
        }
        int magnitudeBytes = (magnitude.bitLength() + 7) / 8;
        byte[] out = new byte[Math.max(NORMALIZED_LENGTH, 1 + magnitudeBytes)];
        out[0] = (byte) (unscaled.signum() < 0 ? 0 : 1);
        byte[] bigEndian = magnitude.toByteArray();
        for (int i = 0; i < magnitudeBytes; i++) {
            out[1 + i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    @Override
    public BigDecimal decode(byte[] bytes) {
        if (bytes.length != NORMALIZED_LENGTH && bytes.length != NORMALIZED_LENGTH + 1) {
            Lengths.require(bytes, NORMALIZED_LENGTH, "decimal", BigDecimal.class);
        }
        if (bytes[0] != 0 && bytes[0] != 1) {
            throw new UnsupportedPlaintextException("Decrypted decimal has an invalid sign byte: the column holds cells "
                    + "of another type");
        }
        byte[] bigEndian = new byte[bytes.length];  // a leading zero keeps the magnitude positive
        for (int i = 1; i < bytes.length; i++) {
            bigEndian[bytes.length - i] = bytes[i];
        }
        BigInteger magnitude = new BigInteger(bigEndian);
        return new BigDecimal(bytes[0] == 0 ? magnitude.negate() : magnitude, scale);
    }

    @Override
    public int maxEncodedLength() {
        return NORMALIZED_LENGTH + 1;
    }
}
