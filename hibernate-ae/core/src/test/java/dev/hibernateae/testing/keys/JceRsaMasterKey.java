package dev.hibernateae.testing.keys;

import dev.hibernateae.spi.RsaMasterKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;

/** An RSA master key held in memory, doing what a key store does with the JDK's own RSA. */
final class JceRsaMasterKey implements RsaMasterKey {
    private final KeyPair pair;

    JceRsaMasterKey(KeyPair pair) {
        this.pair = pair;
    }

    @Override
    public int modulusLength() {
        return (((RSAPublicKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
    }

    @Override
    public byte[] wrap(byte[] columnEncryptionKey) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, pair.getPublic());
            return rsa.doFinal(columnEncryptionKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            rsa.init(Cipher.DECRYPT_MODE, pair.getPrivate());
            return rsa.doFinal(wrappedKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP unwrap failed", e);
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
