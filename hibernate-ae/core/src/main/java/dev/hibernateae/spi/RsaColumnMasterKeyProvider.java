package dev.hibernateae.spi;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SQL Server formats shared by every RSA key store provider ({@code MSSQL_JAVA_KEYSTORE},
 * {@code AZURE_KEY_VAULT}): a subclass supplies {@link #masterKey(String)} and inherits
 *
 * <ul>
 *   <li>the encrypted CEK value {@code 0x01 | keyPathLength (uint16 LE) | ciphertextLength (uint16 LE) | keyPath |
 *       ciphertext | signature}, where keyPath is the lower-cased path in UTF-16LE, ciphertext is RSA-OAEP of the
 *       CEK and signature is SHA256withRSA over every byte before it. The signature is verified before the key is
 *       unwrapped;</li>
 *   <li>the CMK metadata signature: SHA256withRSA over {@link #metadataSignatureInput(byte[])} of the metadata
 *       {@code UTF-16LE(lower(providerName)) | UTF-16LE(lower(keyPath)) | UTF-16LE("true"|"false")}.</li>
 * </ul>
 */
public abstract class RsaColumnMasterKeyProvider implements ColumnMasterKeyProvider {
    /** The only key encryption algorithm SQL Server defines. */
    public static final String RSA_OAEP = "RSA_OAEP";
    private static final byte VERSION = 0x01;
    private static final int HEADER = 1 + 2 + 2;
    private static final int CEK_LENGTH = 32;

    /**
     * The master key at {@code masterKeyPath}, or a {@link ColumnMasterKeyException} naming the path and saying
     * what is wrong (no such key, not RSA, store unreachable).
     */
    protected abstract RsaMasterKey masterKey(String masterKeyPath);

    @Override
    public byte[] wrapColumnEncryptionKey(String masterKeyPath, String algorithm, byte[] columnEncryptionKey) {
        requirePath(masterKeyPath);
        requireAlgorithm(masterKeyPath, algorithm);
        if (columnEncryptionKey == null || columnEncryptionKey.length != CEK_LENGTH) {
            throw new ColumnMasterKeyException("A column encryption key must be " + CEK_LENGTH
                    + " bytes to be wrapped under master key '" + masterKeyPath + "' of provider " + name());
        }
        RsaMasterKey key = masterKey(masterKeyPath);
        byte[] path = normalizedPath(masterKeyPath);
        byte[] ciphertext = key.wrap(columnEncryptionKey);
        if (ciphertext.length != key.modulusLength()) {
            throw new ColumnMasterKeyException("Master key '" + masterKeyPath + "' of provider " + name()
                    + " returned a wrapped key of " + ciphertext.length + " bytes, expected " + key.modulusLength());
        }
        if (path.length > 0xFFFF || ciphertext.length > 0xFFFF) {
            throw new ColumnMasterKeyException("Master key path '" + masterKeyPath + "' is too long");
        }
        ByteBuffer value = ByteBuffer.allocate(HEADER + path.length + ciphertext.length + key.modulusLength())
                .order(ByteOrder.LITTLE_ENDIAN);
        value.put(VERSION).putShort((short) path.length).putShort((short) ciphertext.length).put(path).put(ciphertext);
        byte[] signature = key.sign(Arrays.copyOf(value.array(), value.position()));
        if (signature.length != key.modulusLength()) {
            throw new ColumnMasterKeyException("Master key '" + masterKeyPath + "' of provider " + name()
                    + " returned a signature of " + signature.length + " bytes, expected " + key.modulusLength());
        }
        value.put(signature);
        return value.array();
    }

    @Override
    public byte[] unwrapColumnEncryptionKey(String masterKeyPath, String algorithm, byte[] encrypted) {
        requirePath(masterKeyPath);
        requireAlgorithm(masterKeyPath, algorithm);
        if (encrypted == null || encrypted.length < HEADER + 2) {
            throw malformed(masterKeyPath, "it is shorter than its header");
        }
        if (encrypted[0] != VERSION) {
            throw malformed(masterKeyPath, String.format("its version byte is 0x%02x, expected 0x01", encrypted[0]));
        }
        ByteBuffer in = ByteBuffer.wrap(encrypted).order(ByteOrder.LITTLE_ENDIAN);
        int pathLength = Short.toUnsignedInt(in.getShort(1));
        int ciphertextLength = Short.toUnsignedInt(in.getShort(3));
        RsaMasterKey key = masterKey(masterKeyPath);
        int modulus = key.modulusLength();
        if (ciphertextLength != modulus) {
            throw malformed(masterKeyPath, "its wrapped key is " + ciphertextLength
                    + " bytes but the master key's modulus is " + modulus + " bytes (another master key?)");
        }
        int signedLength = HEADER + pathLength + ciphertextLength;
        if (encrypted.length != signedLength + modulus) {
            throw malformed(masterKeyPath, "it is " + encrypted.length + " bytes, expected " + (signedLength + modulus));
        }
        byte[] signed = Arrays.copyOfRange(encrypted, 0, signedLength);
        byte[] signature = Arrays.copyOfRange(encrypted, signedLength, encrypted.length);
        if (!key.verify(signed, signature)) {
            throw new ColumnMasterKeyException("The encrypted column encryption key does not verify under master key '"
                    + masterKeyPath + "' of provider " + name() + ": it was altered, or it was wrapped by another "
                    + "master key. Check the key path stored with the column encryption key");
        }
        byte[] ciphertext = Arrays.copyOfRange(encrypted, HEADER + pathLength, signedLength);
        byte[] cek = key.unwrap(ciphertext);
        if (cek.length != CEK_LENGTH) {
            Arrays.fill(cek, (byte) 0);
            throw malformed(masterKeyPath, "it unwraps to a key that is not " + CEK_LENGTH + " bytes");
        }
        return cek;
    }

    @Override
    public byte[] signColumnMasterKeyMetadata(String masterKeyPath, boolean allowEnclaveComputations) {
        requirePath(masterKeyPath);
        return masterKey(masterKeyPath).sign(metadataSignatureInput(metadata(masterKeyPath, allowEnclaveComputations)));
    }

    @Override
    public boolean verifyColumnMasterKeyMetadata(String masterKeyPath, boolean allowEnclaveComputations,
            byte[] signature) {
        requirePath(masterKeyPath);
        if (signature == null) {
            return false;
        }
        return masterKey(masterKeyPath).verify(
                metadataSignatureInput(metadata(masterKeyPath, allowEnclaveComputations)), signature);
    }

    /**
     * The message whose SHA256withRSA signature is the CMK metadata signature. SQL Server's drivers disagree here, so
     * a provider picks what its counterpart in mssql-jdbc does: the Azure Key Vault provider signs the metadata's
     * SHA-256 digest with {@code RS256}, which is SHA256withRSA over the metadata itself (this default); the Java
     * KeyStore provider feeds the metadata's SHA-256 digest to SHA256withRSA, hashing it twice, and overrides this to
     * return that digest.
     *
     * @param metadata {@code UTF-16LE(lower(providerName)) | UTF-16LE(lower(keyPath)) | UTF-16LE("true"|"false")}
     */
    protected byte[] metadataSignatureInput(byte[] metadata) {
        return metadata;
    }

    private byte[] metadata(String masterKeyPath, boolean allowEnclaveComputations) {
        String text = name().toLowerCase(Locale.ENGLISH) + masterKeyPath.toLowerCase(Locale.ENGLISH)
                + (allowEnclaveComputations ? "true" : "false");
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] normalizedPath(String masterKeyPath) {
        return masterKeyPath.toLowerCase(Locale.ENGLISH).getBytes(StandardCharsets.UTF_16LE);
    }

    private void requirePath(String masterKeyPath) {
        if (masterKeyPath == null || masterKeyPath.isBlank()) {
            throw new ColumnMasterKeyException("Provider " + name() + " needs a master key path; got none");
        }
    }

    private void requireAlgorithm(String masterKeyPath, String algorithm) {
        if (algorithm != null && !RSA_OAEP.equalsIgnoreCase(algorithm)) {
            throw new ColumnMasterKeyException("Master key '" + masterKeyPath + "' of provider " + name()
                    + " supports key encryption algorithm " + RSA_OAEP + " only, not '" + algorithm + "'");
        }
    }

    private ColumnMasterKeyException malformed(String masterKeyPath, String why) {
        return new ColumnMasterKeyException("The encrypted column encryption key for master key '" + masterKeyPath
                + "' of provider " + name() + " is malformed: " + why);
    }
}
