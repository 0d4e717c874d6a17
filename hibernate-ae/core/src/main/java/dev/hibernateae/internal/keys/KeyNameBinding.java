package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import java.nio.charset.StandardCharsets;

/**
 * Binds a column encryption key's name to its bytes: the tag of the name under a purpose key derived from the key
 * itself, stored with the key's row. SQL Server's format signs each wrapped value with the master key, but not the
 * name it is stored under, so a database administrator could copy one key's wrapped value under another key's name
 * and make attributes of one key write under the other. The tag makes that a loud error: it verifies only for the
 * name the key was created under.
 */
public final class KeyNameBinding {
    static final String PURPOSE = "hibernate-ae column encryption key name binding v1";

    private KeyNameBinding() {
    }

    /** The tag that binds {@code name} to {@code key}. */
    public static byte[] tag(ColumnKey key, String name) {
        return key.keyedHash(PURPOSE).tag(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Passes when {@code tag} binds {@code name} to {@code key}; the caller still owns {@code key} either way.
     *
     * @throws ColumnEncryptionKeyException saying what to do when the tag is missing (a key made by hibernate-ae 0.1)
     *         or binds another key (a value copied under this name)
     */
    public static void require(ColumnKey key, String name, byte[] tag) {
        if (verifies(key, name, tag)) {
            return;
        }
        throw new ColumnEncryptionKeyException(tag == null
                ? "Column encryption key '" + name + "' has no name binding (" + KeyTables.ENCRYPTION_KEYS
                        + ".name_tag): it was made by hibernate-ae 0.1, or the binding was removed. Run "
                        + "hibernate-ae-cli authenticate-records --apply to bind it, after checking that the key is "
                        + "yours (docs/lifecycle.md, 'Upgrading from 0.1')"
                : "Column encryption key '" + name + "' unwraps to a key that was not created under that name: "
                        + "its value in " + KeyTables.ENCRYPTION_KEY_VALUES + " (or its name binding) was replaced, "
                        + "for example by another key's. Restore the key's rows from a backup");
    }

    /** Whether {@code tag} binds {@code name} to {@code key}; false for a missing tag. */
    public static boolean verifies(ColumnKey key, String name, byte[] tag) {
        return tag != null && key.keyedHash(PURPOSE).verify(name.getBytes(StandardCharsets.UTF_8), tag);
    }
}
