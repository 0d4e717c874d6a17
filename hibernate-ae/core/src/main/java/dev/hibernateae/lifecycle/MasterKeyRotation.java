package dev.hibernateae.lifecycle;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.api.ColumnMasterKeyException;
import java.util.ArrayList;
import java.util.List;

/** Column master key rotation, in SQL Server's two steps, over the key administration API. */
final class MasterKeyRotation {
    private MasterKeyRotation() {
    }

    static List<ColumnEncryptionKeyInfo> start(ColumnKeyAdministration admin, String from, String to) {
        requireDifferent(from, to);
        requireMasterKeys(admin, from, to);
        List<ColumnEncryptionKeyInfo> rotated = new ArrayList<>();
        for (ColumnEncryptionKeyInfo key : admin.listColumnEncryptionKeys()) {
            List<String> masters = key.columnMasterKeyNames();
            if (!masters.contains(from)) {
                continue;
            }
            rotated.add(masters.contains(to) ? key : admin.addColumnEncryptionKeyValue(key.name(), to));
        }
        return rotated;
    }

    static List<ColumnEncryptionKeyInfo> complete(ColumnKeyAdministration admin, String from, String to,
            boolean dropOld) {
        requireDifferent(from, to);
        requireMasterKeys(admin, from, to);
        List<ColumnEncryptionKeyInfo> keys = admin.listColumnEncryptionKeys();
        List<String> missing = keys.stream().filter(k -> k.columnMasterKeyNames().contains(from)
                && !k.columnMasterKeyNames().contains(to)).map(ColumnEncryptionKeyInfo::name).toList();
        if (!missing.isEmpty()) {
            throw new ColumnMasterKeyException("Column encryption keys " + missing + " have no value wrapped by "
                    + "column master key '" + to + "' yet: start the rotation first (rotate-cmk without --complete)");
        }
        List<ColumnEncryptionKeyInfo> rotated = new ArrayList<>();
        for (ColumnEncryptionKeyInfo key : keys) {
            if (key.columnMasterKeyNames().contains(from)) {
                rotated.add(admin.removeColumnEncryptionKeyValue(key.name(), from));
            }
        }
        if (dropOld) {
            admin.dropColumnMasterKey(from);
        }
        return rotated;
    }

    private static void requireDifferent(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            throw new ColumnMasterKeyException("A master key rotation needs two different column master keys, got '"
                    + from + "' and '" + to + "'");
        }
    }

    private static void requireMasterKeys(ColumnKeyAdministration admin, String... names) {
        List<String> existing = admin.listColumnMasterKeys().stream().map(k -> k.name()).toList();
        for (String name : names) {
            if (!existing.contains(name)) {
                throw new ColumnMasterKeyException("Column master key '" + name + "' does not exist: create it first "
                        + "(create-cmk)");
            }
        }
    }
}
