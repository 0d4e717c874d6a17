package dev.hibernateae.internal.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The plaintext bytes mssql-jdbc encrypts for a temporal or floating-point parameter, from its own package-private
 * routines reached by reflection (the driver jar is on the test class path, not the module path).
 *
 * <p>Temporal values go through {@code TDSWriter.writeEncryptedScaledTemporal}, the routine every Always Encrypted
 * temporal parameter and bulk-copy value goes through. It encrypts what it normalizes, so the writer is given a
 * stand-in connection (TDS 7.4, a server name, nothing connected) and a deterministic AEAD_AES_256_CBC_HMAC_SHA256
 * algorithm, and the cell it returns is decrypted by the same algorithm. Its calendar argument is built the way
 * {@code dtv.SendByRPCOp.sendTemporal} builds it for each {@code java.time} type; that marshalling is all that is
 * re-done here. Floating-point values go through {@code SQLServerBulkCopy.normalizedValue}, which writes them as
 * {@code DTV} does for parameters ({@code ByteBuffer.putFloat}/{@code putDouble}, little-endian).
 */
final class MssqlDriverNormalization {
    private static final String PACKAGE = "com.microsoft.sqlserver.jdbc.";
    private static final int TDS_7_4 = 0x74000004;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Object writer;
    private final Object algorithm;
    private final Method writeTemporal;
    private final Method decrypt;
    private final Object date;
    private final Object time;
    private final Object datetime2;
    private final Object datetimeoffset;
    private final Object bulkCopy;
    private final Method normalizedValue;
    private final Object real;
    private final Object doublePrecision;

    /** mssql-jdbc refused the value (its {@code SQLServerException}, here unchecked). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    MssqlDriverNormalization() throws ReflectiveOperationException {
        Class<?> connectionClass = type("SQLServerConnection");
        Object connection = constructor(connectionClass, String.class).newInstance("hibernate-ae cross-check");
        field(connectionClass, "tdsVersion").setInt(connection, TDS_7_4);
        field(connectionClass, "trustedServerNameAE").set(connection, "cross-check");

        Class<?> writerClass = type("TDSWriter");
        writer = constructor(writerClass, type("TDSChannel"), connectionClass).newInstance(null, connection);

        Class<?> keyClass = type("SQLServerAeadAes256CbcHmac256EncryptionKey");
        Class<?> algorithmClass = type("SQLServerAeadAes256CbcHmac256Algorithm");
        Class<?> encryptionTypeClass = type("SQLServerEncryptionType");
        byte[] cek = new byte[32];
        for (int i = 0; i < cek.length; i++) {
            cek[i] = (byte) (i * 7 + 1);
        }
        Object key = constructor(keyClass, byte[].class, String.class).newInstance(cek, "AEAD_AES_256_CBC_HMAC_SHA256");
        algorithm = constructor(algorithmClass, keyClass, encryptionTypeClass, byte.class)
                .newInstance(key, constant(encryptionTypeClass, "DETERMINISTIC"), (byte) 1);
        decrypt = method(algorithmClass, "decryptData", byte[].class);

        Class<?> metadataClass = type("CryptoMetadata");
        Object metadata = constructor(metadataClass, type("CekTableEntry"), short.class, byte.class, String.class,
                byte.class, byte.class).newInstance(null, (short) 0, (byte) 2, "AEAD_AES_256_CBC_HMAC_SHA256",
                (byte) 1, (byte) 1);
        field(metadataClass, "cipherAlgorithm").set(metadata, algorithm);
        method(writerClass, "setCryptoMetaData", metadataClass).invoke(writer, metadata);

        Class<?> ssTypeClass = type("SSType");
        date = constant(ssTypeClass, "DATE");
        time = constant(ssTypeClass, "TIME");
        datetime2 = constant(ssTypeClass, "DATETIME2");
        datetimeoffset = constant(ssTypeClass, "DATETIMEOFFSET");
        writeTemporal = method(writerClass, "writeEncryptedScaledTemporal", GregorianCalendar.class, int.class,
                int.class, ssTypeClass, short.class, type("SQLServerStatement"));

        Class<?> bulkCopyClass = type("SQLServerBulkCopy");
        bulkCopy = bulkCopyClass.getConstructor(java.sql.Connection.class).newInstance(connection);
        Class<?> jdbcTypeClass = type("JDBCType");
        normalizedValue = method(bulkCopyClass, "normalizedValue", jdbcTypeClass, Object.class, jdbcTypeClass,
                int.class, int.class, String.class);
        real = constant(jdbcTypeClass, "REAL");
        doublePrecision = constant(jdbcTypeClass, "DOUBLE");
    }

    /** A {@code LocalDate} parameter of a {@code date} column. */
    byte[] date(LocalDate value) {
        return temporal(fields(value.atStartOfDay()), 0, 0, date, 0);
    }

    /** A {@code LocalTime} parameter of a {@code time(scale)} column. */
    byte[] time(LocalTime value, int scale) {
        // sendTemporal: a UTC calendar holding the wall-clock fields (the date part is not written for time).
        GregorianCalendar calendar = fields(LocalDateTime.of(1900, 2, 1, value.getHour(), value.getMinute(),
                value.getSecond()));
        return temporal(calendar, value.getNano(), scale, time, 0);
    }

    /** A {@code LocalDateTime} parameter of a {@code datetime2(scale)} column. */
    byte[] dateTime(LocalDateTime value, int scale) {
        return temporal(fields(value), value.getNano(), scale, datetime2, 0);
    }

    /** An {@code OffsetDateTime} parameter of a {@code datetimeoffset(scale)} column. */
    byte[] offsetDateTime(OffsetDateTime value, int scale) {
        // sendTemporal: a UTC calendar set to the whole seconds of the instant, the nanos beside it.
        GregorianCalendar calendar = new GregorianCalendar(UTC, Locale.US);
        calendar.setLenient(true);
        calendar.clear();
        calendar.setTimeInMillis(value.toEpochSecond() * 1000);
        return temporal(calendar, value.getNano(), scale, datetimeoffset, value.getOffset().getTotalSeconds() / 60);
    }

    /** mssql-jdbc has no {@code Instant} setter: an application passes it as an {@code OffsetDateTime} at UTC. */
    byte[] instant(Instant value, int scale) {
        return offsetDateTime(value.atOffset(ZoneOffset.UTC), scale);
    }

    byte[] real(float value) {
        return normalized(real, value);
    }

    byte[] doublePrecision(double value) {
        return normalized(doublePrecision, value);
    }

    private static GregorianCalendar fields(LocalDateTime value) {
        GregorianCalendar calendar = new GregorianCalendar(UTC, Locale.US);
        calendar.clear();
        calendar.setLenient(true);
        calendar.set(Calendar.YEAR, value.getYear());
        calendar.set(Calendar.MONTH, value.getMonthValue() - 1);
        calendar.set(Calendar.DAY_OF_MONTH, value.getDayOfMonth());
        calendar.set(Calendar.HOUR_OF_DAY, value.getHour());
        calendar.set(Calendar.MINUTE, value.getMinute());
        calendar.set(Calendar.SECOND, value.getSecond());
        return calendar;
    }

    private byte[] temporal(GregorianCalendar calendar, int nanos, int scale, Object ssType, int minutesOffset) {
        try {
            byte[] cell = (byte[]) writeTemporal.invoke(writer, calendar, nanos, scale, ssType, (short) minutesOffset,
                    null);
            return (byte[]) decrypt.invoke(algorithm, (Object) cell);
        } catch (InvocationTargetException e) {
            throw refusedOrRethrown(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] normalized(Object jdbcType, Object value) {
        try {
            return (byte[]) normalizedValue.invoke(bulkCopy, jdbcType, value, jdbcType, 0, 0, "cross-check");
        } catch (InvocationTargetException e) {
            throw refusedOrRethrown(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException refusedOrRethrown(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof java.sql.SQLException) {
            return new Refused(cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(PACKAGE + name);
    }

    private static <T> Constructor<T> constructor(Class<T> owner, Class<?>... parameters)
            throws NoSuchMethodException {
        Constructor<T> constructor = owner.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return constructor;
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = owner.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    private static Object constant(Class<?> enumType, String name) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalStateException(enumType.getName() + " has no constant " + name);
    }
}
