package dev.hibernateae.admin;

import dev.hibernateae.internal.keys.EncryptedValueRow;
import dev.hibernateae.internal.keys.EncryptionKeyRow;
import dev.hibernateae.internal.keys.MasterKeyRow;

/** What administration returns about key rows: names, providers, paths and dates, never key material. */
final class KeyInfos {
    private KeyInfos() {
    }

    static ColumnMasterKeyInfo of(MasterKeyRow row) {
        return new ColumnMasterKeyInfo(row.name(), row.providerName(), row.keyPath(), row.allowEnclaveComputations(),
                row.createdAt());
    }

    static ColumnEncryptionKeyInfo of(EncryptionKeyRow row) {
        return new ColumnEncryptionKeyInfo(row.name(), row.values().stream().map(KeyInfos::of).toList(),
                row.createdAt());
    }

    static ColumnEncryptionKeyValueInfo of(EncryptedValueRow value) {
        MasterKeyRow masterKey = value.masterKey();
        return new ColumnEncryptionKeyValueInfo(masterKey.name(), masterKey.providerName(), masterKey.keyPath(),
                value.algorithm(), value.createdAt());
    }
}
