package dev.hibernateae.internal.codec;

import dev.hibernateae.api.StringEncoding;

/**
 * Per-attribute choices that change the normalized bytes, taken from the mapping ({@code @Column(length, precision,
 * scale)}, the fractional-second precision of temporal columns, {@code @Enumerated}).
 *
 * @param stringEncoding how strings become bytes: UTF-16LE as in nvarchar (default) or UTF-8 as in a UTF-8 varchar
 * @param length the largest string length in UTF-16 code units, or {@code -1} for no bound
 * @param precision the number of decimal digits a {@code BigDecimal} may have (1..38)
 * @param scale the number of fractional decimal digits of a {@code BigDecimal}; values are rescaled to it
 * @param fractionalSeconds digits of fractional seconds kept by times and timestamps (0..7, as SQL Server's scale)
 * @param enumMapping whether enums are stored by name or by ordinal
 */
public record CodecOptions(StringEncoding stringEncoding, int length, int precision, int scale, int fractionalSeconds,
        EnumMapping enumMapping) {

    /** nvarchar with no length bound, decimal(38,2), time(7), enums by name. */
    public static final CodecOptions DEFAULTS =
            new CodecOptions(StringEncoding.UTF_16LE, -1, 38, 2, 7, EnumMapping.NAME);

    public CodecOptions {
        if (stringEncoding == null || enumMapping == null) {
            throw new IllegalArgumentException("string encoding and enum mapping are required");
        }
        if (precision < 1 || precision > 38) {
            throw new IllegalArgumentException("decimal precision must be 1..38 (SQL Server's range), got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be 0.." + precision + ", got " + scale);
        }
        if (fractionalSeconds < 0 || fractionalSeconds > 7) {
            throw new IllegalArgumentException("fractional seconds must be 0..7 (SQL Server's scale), got "
                    + fractionalSeconds);
        }
    }

    public CodecOptions withLength(int newLength) {
        return new CodecOptions(stringEncoding, newLength, precision, scale, fractionalSeconds, enumMapping);
    }

    public CodecOptions withStringEncoding(StringEncoding encoding) {
        return new CodecOptions(encoding, length, precision, scale, fractionalSeconds, enumMapping);
    }

    public CodecOptions withDecimal(int newPrecision, int newScale) {
        return new CodecOptions(stringEncoding, length, newPrecision, newScale, fractionalSeconds, enumMapping);
    }

    public CodecOptions withFractionalSeconds(int digits) {
        return new CodecOptions(stringEncoding, length, precision, scale, digits, enumMapping);
    }

    public CodecOptions withEnumMapping(EnumMapping mapping) {
        return new CodecOptions(stringEncoding, length, precision, scale, fractionalSeconds, mapping);
    }


    /** How an enum constant becomes bytes. */
    public enum EnumMapping {
        /** Its name, encoded as a string. Survives reordering of the constants. */
        NAME,
        /** Its ordinal, encoded as an integer. */
        ORDINAL
    }
}
