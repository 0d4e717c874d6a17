package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The key of one row (one or more key columns), as a job's checkpoints and partition bounds store it: typed text,
 * so a job resumed in another process binds exactly the values it read.
 */
public final class KeyTuple {
    private static final char SEPARATOR = '|';
    private final Object[] values;

    private KeyTuple(Object[] values) {
        this.values = values;
    }

    /** The key of the current row, read from its first {@code count} columns starting at {@code first}. */
    public static KeyTuple read(ResultSet rows, int first, int count) throws SQLException {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            Object value = rows.getObject(first + i);
            values[i] = normalize(value);
        }
        return new KeyTuple(values);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value == null || value instanceof Long || value instanceof BigDecimal || value instanceof String
                || value instanceof UUID || value instanceof byte[] || value instanceof java.sql.Date
                || value instanceof java.sql.Timestamp) {
            return value;
        }
        throw new AlwaysEncryptedException("Key column values of type " + value.getClass().getName() + " are not "
                + "supported by lifecycle jobs; key the table by integers, decimals, text, UUIDs, binary values, "
                + "dates or timestamps (or give --key-columns that are)");
    }

    public int size() {
        return values.length;
    }

    /** Binds the key's values to {@code size()} parameters starting at {@code first}. */
    public void bind(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(statement, first + i, values[i]);
        }
    }

    /** Binds the values at {@code positions} to consecutive parameters starting at {@code first}. */
    public void bind(PreparedStatement statement, int first, int[] positions) throws SQLException {
        for (int i = 0; i < positions.length; i++) {
            bind(statement, first + i, values[positions[i]]);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        {
            if (value instanceof Long l) {
                statement.setLong(index, l);
            } else if (value instanceof BigDecimal d) {
                statement.setBigDecimal(index, d);
            } else if (value instanceof String s) {
                statement.setString(index, s);
            } else if (value instanceof byte[] b) {
                statement.setBytes(index, b);
            } else if (value instanceof java.sql.Date d) {
                statement.setDate(index, d);
            } else if (value instanceof java.sql.Timestamp t) {
                statement.setTimestamp(index, t);
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** Typed text: {@code L42}, {@code Sabc}, {@code U<uuid>}, {@code X<hex>}..., joined by {@code |}. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            Object value = values[i];
            if (value == null) {
                text.append('0');
            } else if (value instanceof Long l) {
                text.append('L').append(l);
            } else if (value instanceof BigDecimal d) {
                text.append('N').append(d.toPlainString());
            } else if (value instanceof String s) {
                text.append('S').append(escape(s));
            } else if (value instanceof UUID u) {
                text.append('U').append(u);
            } else if (value instanceof byte[] b) {
                text.append('X').append(HexFormat.of().formatHex(b));
            } else if (value instanceof java.sql.Date d) {
                text.append('D').append(d);
            } else {
                text.append('T').append(value);
            }
        }
        return text.toString();
    }

    public static KeyTuple decode(String text) {
        if (text == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : SEPARATOR;
            if (escaped) {
                current.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == SEPARATOR) {
                values.add(value(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return new KeyTuple(values.toArray());
    }

    private static Object value(String typed) {
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("empty key value in a checkpoint");
        }
        String payload = typed.substring(1);
        return switch (typed.charAt(0)) {
            case '0' -> null;
            case 'L' -> Long.valueOf(payload);
            case 'N' -> new BigDecimal(payload);
            case 'S' -> payload;
            case 'U' -> UUID.fromString(payload);
            case 'X' -> HexFormat.of().parseHex(payload);
            case 'D' -> java.sql.Date.valueOf(payload);
            case 'T' -> java.sql.Timestamp.valueOf(payload);
            default -> throw new IllegalArgumentException("unknown key value type '" + typed.charAt(0) + "'");
        };
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }

    /** For reports: row keys are identifiers, never encrypted values. Binary keys are shortened. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object value = values[i];
            if (value instanceof byte[] b) {
                text.append("0x").append(HexFormat.of().formatHex(b, 0, Math.min(b.length, 8)))
                        .append(b.length > 8 ? "..." : "");
            } else {
                text.append(value);
            }
        }
        return text.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyTuple t && Arrays.deepEquals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
