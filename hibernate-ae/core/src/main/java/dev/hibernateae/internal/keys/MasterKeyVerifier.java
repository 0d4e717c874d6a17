package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import java.util.Objects;

/**
 * Decides whether a column master key row may be used, before any key is wrapped or unwrapped with it: its key
 * path must be trusted, its provider registered, and its metadata signature must verify under the key itself, so
 * that a database administrator who changes the path, the provider name or the enclave flag is detected.
 */
public final class MasterKeyVerifier {
    private final ProviderRegistry providers;
    private final TrustedMasterKeyPaths trustedPaths;

    public MasterKeyVerifier(ProviderRegistry providers, TrustedMasterKeyPaths trustedPaths) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.trustedPaths = Objects.requireNonNull(trustedPaths, "trustedPaths");
    }

    /**
     * The provider of {@code masterKey}, once the row passed every check.
     *
     * @param encryptionKeyName the column encryption key this is for, named in errors
     * @throws ColumnMasterKeyException naming both keys, the provider and the path, saying what to fix
     */
    public ColumnMasterKeyProvider verify(MasterKeyRow masterKey, String encryptionKeyName) {
        return check(masterKey, subject(masterKey, encryptionKeyName));
    }

    /**
     * The provider of {@code masterKey}, once the row passed every check: for a master key that is about to be
     * returned as it stands, before any column encryption key uses it.
     *
     * @throws ColumnMasterKeyException naming the key, the provider and the path, saying what to fix
     */
    public ColumnMasterKeyProvider verify(MasterKeyRow masterKey) {
        String described = masterKey.describe();
        return check(masterKey, Character.toUpperCase(described.charAt(0)) + described.substring(1)
                + " cannot be used");
    }

    private ColumnMasterKeyProvider check(MasterKeyRow masterKey, String subject) {
        ColumnMasterKeyProvider provider = trustedProviderFor(masterKey, subject);
        verifySignatureFor(masterKey, provider, subject);
        return provider;
    }

    /**
     * The first half of {@link #verify}, which asks no key store: the path must be trusted and the provider
     * registered. (A built-in provider is created here on first use, which opens its key store.)
     */
    public ColumnMasterKeyProvider trustedProvider(MasterKeyRow masterKey, String encryptionKeyName) {
        return trustedProviderFor(masterKey, subject(masterKey, encryptionKeyName));
    }

    private ColumnMasterKeyProvider trustedProviderFor(MasterKeyRow masterKey, String subject) {
        if (!trustedPaths.isTrusted(masterKey.keyPath())) {
            throw new ColumnMasterKeyException(subject + ": the key path is not trusted. If this key is yours, add "
                    + "its path to setting " + EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + "; if not, someone "
                    + "pointed the key tables at another key: restore the row in " + KeyTables.MASTER_KEYS);
        }
        ColumnMasterKeyProvider provider;
        try {
            provider = providers.provider(masterKey.providerName());
        } catch (ColumnMasterKeyException e) {
            throw new ColumnMasterKeyException(subject + ": " + e.getMessage(), e);
        }
        return provider;
    }

    /**
     * The second half of {@link #verify}: the row's metadata signature must verify under the key, which the
     * provider checks.
     *
     * @throws ColumnMasterKeyException with the provider's exception as its cause when the provider threw, without a
     *         cause when the signature is missing or does not verify
     */
    public void verifySignature(MasterKeyRow masterKey, ColumnMasterKeyProvider provider, String encryptionKeyName) {
        verifySignatureFor(masterKey, provider, subject(masterKey, encryptionKeyName));
    }

    private void verifySignatureFor(MasterKeyRow masterKey, ColumnMasterKeyProvider provider, String subject) {
        byte[] signature = masterKey.signature();
        if (signature == null || signature.length == 0) {
            throw new ColumnMasterKeyException(subject + ": its row in " + KeyTables.MASTER_KEYS + " has no "
                    + "signature. Recreate the column master key metadata with the key administration API, which "
                    + "signs it");
        }
        boolean verified;
        try {
            verified = provider.verifyColumnMasterKeyMetadata(masterKey.keyPath(),
                    masterKey.allowEnclaveComputations(), signature);
        } catch (AlwaysEncryptedException e) {
            throw new ColumnMasterKeyException(subject + ": its metadata signature could not be checked: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ColumnMasterKeyException(subject + ": its metadata signature could not be checked ("
                    + e.getClass().getName() + ": " + e.getMessage() + "). Check that the key store is reachable "
                    + "and holds the key", e);
        }
        if (!verified) {
            throw new ColumnMasterKeyException(subject + ": the signature of its row in " + KeyTables.MASTER_KEYS
                    + " does not verify (allow_enclave_computations = " + masterKey.allowEnclaveComputations()
                    + "). The provider name, key path or enclave flag was changed after the key was created, or the "
                    + "signature was made by another key: restore the row, or recreate the column master key "
                    + "metadata with the key administration API");
        }
    }

    private static String subject(MasterKeyRow masterKey, String encryptionKeyName) {
        return "Column encryption key '" + encryptionKeyName + "' cannot use " + masterKey.describe();
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public TrustedMasterKeyPaths trustedPaths() {
        return trustedPaths;
    }
}
