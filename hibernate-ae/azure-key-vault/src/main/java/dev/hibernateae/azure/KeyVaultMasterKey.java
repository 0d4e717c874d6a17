package dev.hibernateae.azure;

import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.spi.RsaMasterKey;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;

/**
 * One RSA key in Azure Key Vault, pinned to the version the vault named when it was first read. The private-key
 * operations (unwrapKey, sign) and wrapKey run in the vault; signatures are verified here with the public key read
 * once, which saves a vault round trip on every unwrap and gives the same answer (verification needs no secret).
 */
final class KeyVaultMasterKey implements RsaMasterKey {
    private static final String SIGNATURE = "SHA256withRSA";

    private final KeyVaultKeyUrl key;
    private final RSAPublicKey publicKey;
    private final int modulusLength;
    private final CryptographyClient vault;

    KeyVaultMasterKey(KeyVaultKeyUrl key, RSAPublicKey publicKey, CryptographyClient vault) {
        this.key = key;
        this.publicKey = publicKey;
        this.modulusLength = (publicKey.getModulus().bitLength() + 7) / 8;
        this.vault = vault;
    }

    @Override
    public int modulusLength() {
        return modulusLength;
    }

    @Override
    public byte[] wrap(byte[] columnEncryptionKey) {
        try {
            return vault.wrapKey(KeyWrapAlgorithm.RSA_OAEP, columnEncryptionKey).getEncryptedKey();
        } catch (RuntimeException e) {
            throw KeyVaultFailures.translate(KeyVaultOperation.WRAP_KEY, key, e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) {
        try {
            return vault.unwrapKey(KeyWrapAlgorithm.RSA_OAEP, wrappedKey).getKey();
        } catch (RuntimeException e) {
            throw KeyVaultFailures.translate(KeyVaultOperation.UNWRAP_KEY, key, e);
        }
    }

    /** RS256 in the vault over a digest computed here, as mssql-jdbc does: the message never leaves the process. */
    @Override
    public byte[] sign(byte[] message) {
        byte[] signature;
        try {
            signature = vault.sign(SignatureAlgorithm.RS256, sha256(message)).getSignature();
        } catch (RuntimeException e) {
            throw KeyVaultFailures.translate(KeyVaultOperation.SIGN, key, e);
        }
        // A signature that does not verify would make the stored value unusable; catch it while it can be redone.
        if (!verify(message, signature)) {
            throw new ColumnMasterKeyException("Azure Key Vault returned a signature that does not verify with the "
                    + "public key of master key '" + key.path() + "' of provider " + AzureKeyVaultProvider.NAME
                    + ". Check that the key was not rotated while in use, then retry");
        }
        return signature;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != modulusLength) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new ColumnMasterKeyException("The public key of master key '" + key.path() + "' of provider "
                    + AzureKeyVaultProvider.NAME + " cannot verify " + SIGNATURE + " signatures", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(SIGNATURE + " is missing from this JVM", e);
        }
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyVaultMasterKey[" + key.path() + ", RSA-" + modulusLength * 8 + "]";
    }
}
