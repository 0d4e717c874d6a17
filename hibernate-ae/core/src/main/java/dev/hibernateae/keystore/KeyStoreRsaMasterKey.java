package dev.hibernateae.keystore;

import dev.hibernateae.spi.RsaMasterKey;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;

/**
 * One keystore alias's RSA key, with the JDK doing the operations. Immutable; a {@link Cipher} or {@link Signature}
 * is made per call because neither is thread-safe, and calls are rare (the key ring caches unwrapped keys).
 * Wrapping and verifying use the certificate's public key; unwrapping and signing need the private key, which a
 * certificate-only entry lacks.
 */
final class KeyStoreRsaMasterKey implements RsaMasterKey {
    private static final String OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    private static final String SIGNATURE = "SHA256withRSA";

    private final KeyStoreEntryName name;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final int modulusLength;

    /** @param privateKey null when the alias holds only a certificate */
    KeyStoreRsaMasterKey(KeyStoreEntryName name, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.modulusLength = (publicKey.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public int modulusLength() {
        return modulusLength;
    }

    @Override
    public byte[] wrap(byte[] columnEncryptionKey) {
        try {
            Cipher cipher = Cipher.getInstance(OAEP);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            return cipher.doFinal(columnEncryptionKey);
        } catch (GeneralSecurityException e) {
            throw name.error("the column encryption key could not be wrapped with its public key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) {
        RSAPrivateKey key = requirePrivateKey("unwrapping a column encryption key");
        try {
            Cipher cipher = Cipher.getInstance(OAEP);
            cipher.init(Cipher.DECRYPT_MODE, key);
            return cipher.doFinal(wrappedKey);
        } catch (GeneralSecurityException e) {
            // No cause: padding failures must not say more than "it did not decrypt".
            throw name.error("the wrapped column encryption key does not decrypt with this private key; it was "
                    + "wrapped by another master key. Check the key path stored with the column encryption key");
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        RSAPrivateKey key = requirePrivateKey("signing");
        try {
            Signature signer = Signature.getInstance(SIGNATURE);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw name.error("signing with its private key failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a malformed signature is simply not a valid one
        } catch (GeneralSecurityException e) {
            throw name.error("verifying a signature with its public key failed (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private RSAPrivateKey requirePrivateKey(String operation) {
        if (privateKey == null) {
            throw name.error("the alias holds only a certificate, but " + operation + " needs the private key. "
                    + "Import the key pair (for example a PKCS12 file with the private key, keytool -importkeystore) "
                    + "under this alias, or use this keystore only to verify");
        }
        return privateKey;
    }

    @Override
    public String toString() {
        return "KeyStoreRsaMasterKey[" + name + ", " + (modulusLength * 8) + " bits"
                + (privateKey == null ? ", certificate only]" : "]");
    }
}
