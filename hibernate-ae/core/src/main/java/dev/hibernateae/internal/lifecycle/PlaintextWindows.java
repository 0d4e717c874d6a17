package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns whose plaintext this application's own configuration lets in (while they are encrypted in place) or
 * out (while they are decrypted back): {@link EncryptionSettings#LIFECYCLE_ENCRYPTING_COLUMNS} and
 * {@link EncryptionSettings#LIFECYCLE_DECRYPTING_COLUMNS}. An authenticated lifecycle record says when; only these
 * settings say whether. Outside them every value of an encrypted column is a cell, whatever the database holds.
 */
public final class PlaintextWindows {
    private final Set<String> encrypting;
    private final Set<String> decrypting;

    private PlaintextWindows(Set<String> encrypting, Set<String> decrypting) {
        this.encrypting = Set.copyOf(encrypting);
        this.decrypting = Set.copyOf(decrypting);
    }

    /** No window: what an application without either setting has. */
    public static final PlaintextWindows NONE = new PlaintextWindows(Set.of(), Set.of());

    /**
     * Reads both settings and checks each named column against the unit's encrypted attributes.
     *
     * @throws AlwaysEncryptedException naming the setting and the column when a column is not the column of an
     *         encrypted attribute, holds binary values, or is named by both settings
     */
    public static PlaintextWindows from(AeConfig config, Collection<EncryptedAttribute<?>> attributes) {
        Set<String> encrypting = columns(config.encryptingColumns(), EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS,
                attributes);
        Set<String> decrypting = columns(config.decryptingColumns(), EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS,
                attributes);
        for (String column : encrypting) {
            if (decrypting.contains(column)) {
                throw new AlwaysEncryptedException("Column " + column + " is named by both "
                        + EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS + " and "
                        + EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS + ": a column is encrypted in place or "
                        + "decrypted back, not both; keep it in the one that matches the running job");
            }
        }
        return new PlaintextWindows(encrypting, decrypting);
    }

    private static Set<String> columns(Set<String> named, String setting,
            Collection<EncryptedAttribute<?>> attributes) {
        Set<String> columns = new LinkedHashSet<>();
        for (String item : named) {
            String id = columnId(item, setting);
            EncryptedAttribute<?> attribute = attributes.stream().filter(a -> a.columnId().equals(id)).findFirst()
                    .orElseThrow(() -> new AlwaysEncryptedException("Setting " + setting + " names column '" + item
                            + "', which no @Encrypted attribute of this persistence unit is stored in; encrypted "
                            + "columns are " + new TreeSet<>(attributes.stream().map(EncryptedAttribute::columnId)
                                    .toList()) + ". Fix the name (table.column) or remove it"));
            if (attribute.javaType() == byte[].class) {
                throw new AlwaysEncryptedException("Setting " + setting + " names column '" + item + "' of "
                        + attribute.role() + ", which holds binary values: those cannot be encrypted or decrypted "
                        + "in place (binary plaintext cannot be told from a damaged cell). Remove it");
            }
            columns.add(id);
        }
        return columns;
    }

    private static String columnId(String item, String setting) {
        int dot = item.lastIndexOf('.');
        if (dot <= 0 || dot == item.length() - 1) {
            throw new AlwaysEncryptedException("Setting " + setting + " names '" + item + "': name each column as "
                    + "table.column, separated by commas");
        }
        return EncryptedAttribute.columnId(item.substring(0, dot), item.substring(dot + 1));
    }

    /** Whether this application reads plaintext from the column while it is encrypted in place. */
    public boolean encrypting(String columnId) {
        return encrypting.contains(columnId);
    }

    /** Whether this application writes plaintext to the column once its decryption back is announced. */
    public boolean decrypting(String columnId) {
        return decrypting.contains(columnId);
    }

    /** Every column either setting names. */
    public Set<String> columns() {
        Set<String> all = new TreeSet<>(encrypting);
        all.addAll(decrypting);
        return all;
    }

    @Override
    public String toString() {
        return "PlaintextWindows[encrypting " + encrypting + ", decrypting " + decrypting + "]";
    }
}
