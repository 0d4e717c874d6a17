package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a column encryption key row into the 32-byte key: tries its encrypted values in order (oldest first) and
 * returns the first one whose column master key passes {@link MasterKeyVerifier} and unwraps. A key with two values
 * therefore keeps working while either master key is unavailable, as during a master key rotation. Each provider call
 * is timed and told to the {@link KeyRingListener}: a key unwrapped, or a key store failure.
 */
public final class ColumnKeyUnwrapper {
    private static final System.Logger LOG = System.getLogger(ColumnKeyUnwrapper.class.getName());

    private final MasterKeyVerifier verifier;
    private final KeyRingListener listener;

    public ColumnKeyUnwrapper(MasterKeyVerifier verifier) {
        this(verifier, KeyRingListeners.NONE);
    }

    public ColumnKeyUnwrapper(MasterKeyVerifier verifier, KeyRingListener listener) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A raw column encryption key and the column master key that unwrapped it. */
    public record Unwrapped(byte[] key, MasterKeyRow masterKey) {
        @Override
        public String toString() {
            return "Unwrapped[" + masterKey.name() + "]"; // never the key
        }
    }

    /**
     * The raw column encryption key. The caller owns the array and must zero it as soon as it has derived from it.
     *
     * @throws ColumnMasterKeyException when the only value failed because of its master key
     * @throws ColumnEncryptionKeyException when the key has no values, its only value does not unwrap, or every
     *         one of several values failed (each failure is attached as suppressed)
     */
    public byte[] unwrap(EncryptionKeyRow key) {
        return unwrapWithOrigin(key).key();
    }

    /** {@link #unwrap(EncryptionKeyRow)}, telling which column master key unwrapped it. */
    public Unwrapped unwrapWithOrigin(EncryptionKeyRow key) {
        if (key.values().isEmpty()) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + key.name() + "' has no encrypted "
                    + "value in " + KeyTables.ENCRYPTION_KEY_VALUES + ", so no master key can unwrap it. Restore its "
                    + "values from a backup; data encrypted under it cannot be read without them");
        }
        List<AlwaysEncryptedException> failures = new ArrayList<>();
        for (EncryptedValueRow value : key.values()) {
            try {
                byte[] unwrapped = unwrap(key.name(), value);
                if (!failures.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "Column encryption key ''{0}'' was unwrapped with its other {1}; "
                            + "the first one failed: {2}", key.name(), value.masterKey().describe(),
                            failures.get(0).getMessage());
                }
                return new Unwrapped(unwrapped, value.masterKey());
            } catch (AlwaysEncryptedException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        StringBuilder message = new StringBuilder("Column encryption key '").append(key.name())
                .append("' could not be unwrapped by any of its ").append(failures.size())
                .append(" column master keys:");
        for (int i = 0; i < failures.size(); i++) {
            message.append(" [").append(i + 1).append("] ").append(failures.get(i).getMessage());
        }
        ColumnEncryptionKeyException all = new ColumnEncryptionKeyException(message.toString(), failures.get(0));
        failures.subList(1, failures.size()).forEach(all::addSuppressed);
        throw all;
    }

    /** Unwraps one value after verifying its master key. */
    public byte[] unwrap(String encryptionKeyName, EncryptedValueRow value) {
        MasterKeyRow masterKey = value.masterKey();
        long start = System.nanoTime();
        ColumnMasterKeyProvider provider;
        try {
            provider = verifier.trustedProvider(masterKey, encryptionKeyName);
        } catch (ColumnMasterKeyException e) {
            if (verifier.trustedPaths().isTrusted(masterKey.keyPath())
                    && verifier.providers().contains(masterKey.providerName())) {
                // A registered built-in provider that could not be created: its key store did not open.
                keyStoreFailed(encryptionKeyName, masterKey, e.getCause() != null ? e.getCause() : e, start);
            }
            throw e; // else refused before any key store was asked: not a key store failure
        }
        start = System.nanoTime();
        try {
            verifier.verifySignature(masterKey, provider, encryptionKeyName);
        } catch (ColumnMasterKeyException e) {
            if (e.getCause() != null) {
                // The provider threw while checking the signature; a signature that merely does not verify has no
                // cause and is a refusal, not a key store failure.
                keyStoreFailed(encryptionKeyName, masterKey, e.getCause(), start);
            }
            throw e;
        }
        byte[] key;
        try {
            key = provider.unwrapColumnEncryptionKey(masterKey.keyPath(), value.algorithm(), value.encryptedValue());
        } catch (AlwaysEncryptedException e) {
            keyStoreFailed(encryptionKeyName, masterKey, e, start);
            throw unwrapFailure(encryptionKeyName, masterKey, e.getMessage(), e);
        } catch (RuntimeException e) {
            keyStoreFailed(encryptionKeyName, masterKey, e, start);
            throw unwrapFailure(encryptionKeyName, masterKey, e.getClass().getName() + ": " + e.getMessage(), e);
        }
        if (key == null || key.length != CellKey.KEY_LENGTH) {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            throw unwrapFailure(encryptionKeyName, masterKey, "the provider returned "
                    + (key == null ? "nothing" : key.length + " bytes") + " instead of a " + CellKey.KEY_LENGTH
                    + "-byte key", null);
        }
        listener.keyUnwrapped(encryptionKeyName, masterKey.providerName(), Duration.ofNanos(System.nanoTime() - start));
        return key;
    }

    private void keyStoreFailed(String encryptionKeyName, MasterKeyRow masterKey, Throwable failure, long start) {
        listener.keyStoreFailed(encryptionKeyName, masterKey.providerName(), failure.getClass(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static ColumnEncryptionKeyException unwrapFailure(String encryptionKeyName, MasterKeyRow masterKey,
            String why, Throwable cause) {
        return new ColumnEncryptionKeyException("Column encryption key '" + encryptionKeyName
                + "' could not be unwrapped with " + masterKey.describe() + ": " + why + ". If the key store is "
                + "down, bring it back; if the encrypted value in " + KeyTables.ENCRYPTION_KEY_VALUES
                + " is damaged, restore it from a backup or unwrap the key with its other master key", cause);
    }

    public MasterKeyVerifier verifier() {
        return verifier;
    }
}
