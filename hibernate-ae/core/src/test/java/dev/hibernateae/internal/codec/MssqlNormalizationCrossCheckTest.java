package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Our normalized bytes against the routines mssql-jdbc uses to normalize values for Always Encrypted
 * (package-private, reached by reflection).
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
}
