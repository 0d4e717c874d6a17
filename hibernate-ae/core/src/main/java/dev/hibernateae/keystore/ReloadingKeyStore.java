package dev.hibernateae.keystore;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The keystore file, loaded once and reloaded when it changes, so that a master key added for rotation is found
 * without a restart. Lookups read a volatile snapshot and take no lock; at most once per check interval one caller
 * looks at the file's fingerprint (the others carry on with the snapshot they have) and, when it changed, loads the
 * new version. A file that cannot be reloaded (half written, removed while being replaced) leaves the keys already
 * loaded in use and is tried again at the next check.
 */
final class ReloadingKeyStore {
    private final KeyStoreFile file;
    private final String type;
    private final char[] password;
    private final long checkIntervalNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock reloadLock = new ReentrantLock();

    private volatile KeyStoreSnapshot snapshot;
    private volatile long nextCheckAt;
    /** Why the last reload failed, or null; named in "alias not found" errors. */
    private volatile String reloadFailure;

    /** Loads the file now, so that a missing file or a wrong password fails at startup. */
    ReloadingKeyStore(KeyStoreFile file, String type, char[] password, Duration checkInterval, LongSupplier nanoClock) {
        this.file = file;
        this.type = type;
        this.password = password;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nanoClock = nanoClock;
        this.snapshot = KeyStoreSnapshot.load(file, type, password);
        this.nextCheckAt = nanoClock.getAsLong() + checkIntervalNanos;
    }

    KeyStoreRsaMasterKey masterKey(String masterKeyPath) {
        KeyStoreRsaMasterKey key = periodicallyCheckedSnapshot().masterKey(masterKeyPath);
        if (key != null) {
            return key;
        }
        // An unknown alias may be a master key added a moment ago: look at the file now, not at the next check.
        reloadLock.lock();
        KeyStoreSnapshot current;
        try {
            current = reloadIfChanged();
        } finally {
            reloadLock.unlock();
        }
        key = current.masterKey(masterKeyPath);
        if (key == null) {
            throw unknownAlias(masterKeyPath, current);
        }
        return key;
    }

    private KeyStoreSnapshot periodicallyCheckedSnapshot() {
        KeyStoreSnapshot current = snapshot;
        if (nanoClock.getAsLong() - nextCheckAt < 0 || !reloadLock.tryLock()) {
            return current;
        }
        try {
            return nanoClock.getAsLong() - nextCheckAt < 0 ? snapshot : reloadIfChanged();
        } finally {
            reloadLock.unlock();
        }
    }

    /** Called under {@link #reloadLock}. */
    private KeyStoreSnapshot reloadIfChanged() {
        nextCheckAt = nanoClock.getAsLong() + checkIntervalNanos;
        KeyStoreSnapshot current = snapshot;
        try {
            if (!file.fingerprint().equals(current.fingerprint())) {
                current = KeyStoreSnapshot.load(file, type, password);
                snapshot = current;
            }
            reloadFailure = null;
        } catch (ColumnMasterKeyException e) {
            reloadFailure = e.getMessage();
        }
        return current;
    }

    private ColumnMasterKeyException unknownAlias(String masterKeyPath, KeyStoreSnapshot current) {
        String failure = reloadFailure;
        return new KeyStoreEntryName(masterKeyPath, file.location()).error("the keystore has no such alias (it has "
                + String.join(", ", current.aliasNames()) + "). Add the key with keytool -genkeypair -keyalg RSA "
                + "-keysize 2048 -alias " + masterKeyPath + ", or fix the key path stored with the column master key"
                + (failure == null ? "" : ". The keystore file changed but could not be reloaded: " + failure));
    }
}
