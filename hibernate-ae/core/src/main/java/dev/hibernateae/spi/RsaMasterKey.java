package dev.hibernateae.spi;

/**
 * The RSA operations of one column master key, as a key store performs them. The private key may never leave
 * the store (Azure Key Vault), so only the operations are asked for.
 */
public interface RsaMasterKey {

    /** The modulus length in bytes (256 for RSA-2048): the length of every ciphertext and signature. */
    int modulusLength();

    /** RSA-OAEP with SHA-1 and MGF1-SHA-1 ({@code RSA/ECB/OAEPWithSHA-1AndMGF1Padding}, Key Vault {@code RSA-OAEP}). */
    byte[] wrap(byte[] columnEncryptionKey);

    /** The inverse of {@link #wrap}. */
    byte[] unwrap(byte[] wrappedKey);

    /** RSASSA-PKCS1-v1_5 over the SHA-256 digest of {@code message} ({@code SHA256withRSA}, Key Vault {@code RS256}). */
    byte[] sign(byte[] message);

    /** Verifies a {@link #sign} signature over {@code message}. */
    boolean verify(byte[] message, byte[] signature);
}
