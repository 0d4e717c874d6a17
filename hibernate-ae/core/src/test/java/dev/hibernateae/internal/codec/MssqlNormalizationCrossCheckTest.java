package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Our normalized bytes against the routines mssql-jdbc uses to normalize values for Always Encrypted
 * (package-private, reached by reflection). Temporal types with a time part: {@link MssqlTemporalCrossCheckTest}.
 */
class MssqlNormalizationCrossCheckTest {
    private static final Random RANDOM = new Random(20261122);

    private static Method method(String className, String name, Class<?>... parameters) throws Exception {
        Method m = Class.forName("com.microsoft.sqlserver.jdbc." + className).getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }

    @Test
    void uuidBytesMatchMssqlJdbc() throws Exception {
        Method asGuid = method("Util", "asGuidByteArray", UUID.class);
        Method readGuid = method("Util", "readGUIDtoUUID", byte[].class);
        PlaintextCodec<UUID> codec = PlaintextCodecs.forType(UUID.class, CodecOptions.DEFAULTS);
        for (int i = 0; i < 200; i++) {
            UUID uuid = new UUID(RANDOM.nextLong(), RANDOM.nextLong());
            assertArrayEquals((byte[]) asGuid.invoke(null, uuid), codec.encode(uuid));
            assertEquals(uuid, readGuid.invoke(null, (Object) codec.encode(uuid)));
        }
    }

    @Test
    void decimalBytesMatchMssqlJdbc() throws Exception {
        Method toBytes = method("DDC", "convertBigDecimalToBytes", BigDecimal.class, int.class);
        Method read = method("Util", "readBigDecimal", byte[].class, int.class, int.class);
        for (int scale : new int[] {0, 2, 6, 10}) {
            PlaintextCodec<BigDecimal> codec =
                    PlaintextCodecs.forType(BigDecimal.class, CodecOptions.DEFAULTS.withDecimal(36, scale));
            for (int i = 0; i < 500; i++) {
                BigDecimal value = new BigDecimal(new BigInteger(1 + RANDOM.nextInt(110), RANDOM), scale);
                if (RANDOM.nextBoolean()) {
                    value = value.negate();
                }
                // mssql-jdbc's Always Encrypted path: drop the 2-byte TDS header, zero-pad to 16 bytes.
                byte[] tds = (byte[]) toBytes.invoke(null, value, scale);
                byte[] theirs = Arrays.copyOf(Arrays.copyOfRange(tds, 2, tds.length), 16);
                byte[] ours = codec.encode(value);
                assertArrayEquals(theirs, ours, "scale " + scale);
                assertEquals(value, read.invoke(null, ours, ours.length, scale));
            }
        }
    }

    @Test
    void dateDaysMatchMssqlJdbc() throws Exception {
        Method days = method("DDC", "daysSinceBaseDate", int.class, int.class, int.class);
        PlaintextCodec<LocalDate> codec = PlaintextCodecs.forType(LocalDate.class, CodecOptions.DEFAULTS);
        long min = LocalDate.of(1, 1, 1).toEpochDay();
        long max = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < 1000; i++) {
            LocalDate date = LocalDate.ofEpochDay(min + (long) (RANDOM.nextDouble() * (max - min)));
            int expected = (int) days.invoke(null, date.getYear(), date.getDayOfYear(), 1);
            byte[] ours = codec.encode(date);
            assertEquals(expected, (ours[0] & 0xff) | (ours[1] & 0xff) << 8 | (ours[2] & 0xff) << 16, date::toString);
        }
    }

    /**
     * Every bit pattern but NaN and the infinities as mssql-jdbc writes it, negative zero and subnormals included:
     * {@code -0.0} keeps its sign bit (an equality query for {@code 0.0} does not find it, in SQL Server as here).
     */
    @Test
    void floatAndDoubleBitsMatchMssqlJdbcIncludingNegativeZero() throws Exception {
        MssqlDriverNormalization mssql = new MssqlDriverNormalization();
        Random random = new Random(1500);
        PlaintextCodec<Float> floats = PlaintextCodecs.forType(Float.class, CodecOptions.DEFAULTS);
        PlaintextCodec<Double> doubles = PlaintextCodecs.forType(Double.class, CodecOptions.DEFAULTS);
        List<Float> floatValues = new ArrayList<>(List.of(0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.intBitsToFloat(0x007f_ffff), Float.intBitsToFloat(0x807f_ffff),
                Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f, -3.25f));
        List<Double> doubleValues = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.longBitsToDouble(0x000f_ffff_ffff_ffffL),
                Double.longBitsToDouble(0x800f_ffff_ffff_ffffL), Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, -1e-300));
        while (floatValues.size() < 1500) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) {
                floatValues.add(f);
            }
        }
        while (doubleValues.size() < 1500) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                doubleValues.add(d);
            }
        }
        for (float f : floatValues) {
            assertArrayEquals(mssql.real(f), floats.encode(f), () -> Integer.toHexString(Float.floatToRawIntBits(f)));
            assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(floats.decode(floats.encode(f))));
        }
        for (double d : doubleValues) {
            assertArrayEquals(mssql.doublePrecision(d), doubles.encode(d), () -> Double.toString(d));
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(doubles.decode(doubles.encode(d))));
        }
    }

    /**
     * mssql-jdbc encrypts NaN (SQL Server cannot check an encrypted value; a plaintext float column refuses it). We
     * keep refusing to write it, as SQL Server's float has no NaN, but read the cells mssql-jdbc writes.
     */
    @Test
    void nanIsRefusedHereButReadFromMssqlJdbcCells() throws Exception {
        MssqlDriverNormalization mssql = new MssqlDriverNormalization();
        PlaintextCodec<Float> floats = PlaintextCodecs.forType(Float.class, CodecOptions.DEFAULTS);
        PlaintextCodec<Double> doubles = PlaintextCodecs.forType(Double.class, CodecOptions.DEFAULTS);
        assertThrows(UnsupportedPlaintextException.class, () -> floats.encode(Float.NaN));
        assertThrows(UnsupportedPlaintextException.class, () -> doubles.encode(Double.NaN));
        assertTrue(Float.isNaN(floats.decode(mssql.real(Float.NaN))));
        assertTrue(Double.isNaN(doubles.decode(mssql.doublePrecision(Double.NaN))));
    }
}
