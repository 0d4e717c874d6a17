package dev.hibernateae.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.keystore.AeVectors.WrappedKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A wrapped column encryption key that was altered, cut or made by another master key is an error, never a key. */
class JavaKeyStoreTamperTest {
    private static JavaKeyStoreProvider provider;
    private static WrappedKey cmk1;

    @BeforeAll
    static void openVectorKeystore() {
        provider = new JavaKeyStoreProvider(AeVectors.keystore(), null, AeVectors.password());
        cmk1 = AeVectors.wrappedKey("cmk1");
    }

    @Test
    void everySingleBitChangeIsRejected() {
        byte[] value = cmk1.encryptedValue();
        for (int position = 0; position < value.length; position++) {
            byte[] altered = value.clone();
            altered[position] ^= (byte) (1 << (position % 8));
            try {
                byte[] key = provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", altered);
                fail("a value altered at byte " + position + " unwrapped to a " + key.length + "-byte key");
            } catch (ColumnMasterKeyException expected) {
                assertTrue(expected.getMessage().contains("cmk1"), expected.getMessage());
                assertNoKeyIn(expected);
            }
        }
    }

    @Test
    void truncatedValuesAreRejected() {
        byte[] value = cmk1.encryptedValue();
        for (int length : new int[] {0, 1, 4, 5, 6, 13, 13 + 256, value.length - 1}) {
            byte[] cut = Arrays.copyOf(value, length);
            ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                    () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", cut), "length " + length);
            assertNoKeyIn(error);
        }
    }

    @Test
    void valueWithExtraBytesIsRejected() {
        byte[] longer = Arrays.copyOf(cmk1.encryptedValue(), cmk1.encryptedValue().length + 1);

        assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", longer));
    }

    @Test
    void missingValueIsRejected() {
        assertThrows(ColumnMasterKeyException.class, () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", null));
    }

    @Test
    void valueWrappedByAnotherMasterKeyIsRejectedAndSaysSo() {
        WrappedKey cmk2 = AeVectors.wrappedKey("cmk2");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", cmk2.encryptedValue()));

        assertTrue(error.getMessage().contains("another master key"), error.getMessage());
        assertTrue(error.getMessage().contains("'cmk1'"), error.getMessage());
        assertNoKeyIn(error);
    }

    @Test
    void otherKeyEncryptionAlgorithmIsRefused() {
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP_256", cmk1.encryptedValue()));

        assertTrue(error.getMessage().contains("RSA_OAEP_256"), error.getMessage());
    }

    @Test
    void theUntouchedValueStillUnwraps() {
        // The control for the cases above: the same value, unaltered, is a key.
        assertArrayEquals(cmk1.cek(), provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", cmk1.encryptedValue()));
    }

    private static void assertNoKeyIn(Exception error) {
        String message = error.getMessage().toLowerCase();
        for (WrappedKey vector : AeVectors.wrappedKeys()) {
            assertFalse(message.contains(HexFormat.of().formatHex(vector.cek()).substring(0, 16)),
                    "the message holds key bytes");
        }
    }
}
