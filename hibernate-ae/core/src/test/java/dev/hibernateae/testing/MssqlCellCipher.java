package dev.hibernateae.testing;

import dev.hibernateae.api.EncryptionType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Microsoft's own AEAD_AES_256_CBC_HMAC_SHA256 cell code from mssql-jdbc, as a reference to check hibernate-ae
 * against and as the baseline of the benchmarks. Its classes ({@code SQLServerAeadAes256CbcHmac256Algorithm} and
 * {@code SQLServerAeadAes256CbcHmac256EncryptionKey}) are package-private, so they are reached by reflection; the
 * driver jar is an automatic module on the class path, which leaves them open to {@code setAccessible}.
 *
 * <p>One instance holds one key (derived once, as mssql-jdbc caches it per CEK) and one encryption type. The
 * method handles are resolved once per JVM so that a call costs what mssql-jdbc's code costs, nothing more.
 * Thread-safe as far as mssql-jdbc's class is (it keeps no per-call state in fields).
 */
public final class MssqlCellCipher {
    private static final String PACKAGE = "com.microsoft.sqlserver.jdbc.";
    private static final String ALGORITHM_NAME = "AEAD_AES_256_CBC_HMAC_SHA256";
    private static final byte ALGORITHM_VERSION = 0x01;

    private static final MethodHandle NEW_KEY;
    private static final MethodHandle NEW_ALGORITHM;
    private static final MethodHandle ENCRYPT;
    private static final MethodHandle DECRYPT;
    private static final Object DETERMINISTIC;
    private static final Object RANDOMIZED;

    static {
        try {
            Class<?> keyClass = Class.forName(PACKAGE + "SQLServerAeadAes256CbcHmac256EncryptionKey");
            Class<?> algorithmClass = Class.forName(PACKAGE + "SQLServerAeadAes256CbcHmac256Algorithm");
            Class<?> typeClass = Class.forName(PACKAGE + "SQLServerEncryptionType");
            MethodHandles.Lookup lookup = MethodHandles.lookup();

            Constructor<?> newKey = keyClass.getDeclaredConstructor(byte[].class, String.class);
            newKey.setAccessible(true);
            NEW_KEY = lookup.unreflectConstructor(newKey)
                    .asType(MethodType.methodType(Object.class, byte[].class, String.class));

            Constructor<?> newAlgorithm = algorithmClass.getDeclaredConstructor(keyClass, typeClass, byte.class);
            newAlgorithm.setAccessible(true);
            NEW_ALGORITHM = lookup.unreflectConstructor(newAlgorithm)
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class, byte.class));

            // The one-argument overloads are what the driver calls for every parameter and every column value.
            Method encrypt = algorithmClass.getDeclaredMethod("encryptData", byte[].class);
            encrypt.setAccessible(true);
            ENCRYPT = lookup.unreflect(encrypt).asType(MethodType.methodType(byte[].class, Object.class, byte[].class));
            Method decrypt = algorithmClass.getDeclaredMethod("decryptData", byte[].class);
            decrypt.setAccessible(true);
            DECRYPT = lookup.unreflect(decrypt).asType(MethodType.methodType(byte[].class, Object.class, byte[].class));

            DETERMINISTIC = enumConstant(typeClass, "DETERMINISTIC");
            RANDOMIZED = enumConstant(typeClass, "RANDOMIZED");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "Cannot reach mssql-jdbc's cell classes by reflection; is mssql-jdbc 13.6.x on the class path "
                            + "(not the module path)?", e));
        }
    }

    private final Object algorithm;
    private final EncryptionType type;

    /**
     * Derives mssql-jdbc's keys from a 32-byte column encryption key.
     *
     * @throws MssqlRejection if mssql-jdbc refuses the key (for instance, not 32 bytes)
     */
    public MssqlCellCipher(byte[] cek, EncryptionType type) {
        Objects.requireNonNull(cek, "cek");
        this.type = Objects.requireNonNull(type, "type");
        try {
            Object key = (Object) NEW_KEY.invokeExact(cek.clone(), ALGORITHM_NAME);
            this.algorithm = (Object) NEW_ALGORITHM.invokeExact(key,
                    type == EncryptionType.DETERMINISTIC ? DETERMINISTIC : RANDOMIZED, ALGORITHM_VERSION);
        } catch (Throwable t) {
            throw rethrow("derive a key", t);
        }
    }

    public EncryptionType type() {
        return type;
    }

    /** mssql-jdbc's {@code encryptData}: a new cell. */
    public byte[] encrypt(byte[] plaintext) {
        try {
            return (byte[]) ENCRYPT.invokeExact(algorithm, plaintext);
        } catch (Throwable t) {
            throw rethrow("encrypt", t);
        }
    }

    /**
     * mssql-jdbc's {@code decryptData}: the plaintext of a cell.
     *
     * @throws MssqlRejection if mssql-jdbc refuses the cell (length, version, tag or padding)
     */
    public byte[] decrypt(byte[] cell) {
        try {
            return (byte[]) DECRYPT.invokeExact(algorithm, cell);
        } catch (Throwable t) {
            throw rethrow("decrypt", t);
        }
    }

    @Override
    public String toString() {
        return "MssqlCellCipher[" + type + "]";
    }

    /** mssql-jdbc refused an operation with its checked {@code SQLServerException}, which is the cause. */
    public static final class MssqlRejection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MssqlRejection(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static RuntimeException rethrow(String operation, Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new MssqlRejection("mssql-jdbc refused to " + operation + ": " + t.getMessage(), t);
    }

    private static Object enumConstant(Class<?> enumClass, String name) {
        for (Object constant : enumClass.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalStateException(enumClass.getName() + " has no constant " + name);
    }
}
