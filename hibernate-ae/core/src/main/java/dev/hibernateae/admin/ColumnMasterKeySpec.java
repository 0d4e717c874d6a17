package dev.hibernateae.admin;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.util.Objects;

/**
 * The column master key to create or ensure: its name, the provider whose key store holds the key, the key path
 * there, and whether enclave computations are allowed. Each part is given by a method of its own name, in that order,
 * so that a call cannot swap the name, provider and path or pass the enclave flag for something else:
 *
 * <pre>{@code
 * ColumnMasterKeySpec cmk = ColumnMasterKeySpec.named("cmk1").provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1");
 * ColumnMasterKeySpec forEnclaves = cmk.allowEnclaveComputations(true);
 * }</pre>
 * Enclave computations are not allowed unless asked for; the flag is only recorded and signed, as SQL Server does.
 * A spec is complete once it has a key path, and immutable: every method returns a new one. Names and paths are
 * checked as they are given; the provider and the path's trust are checked when the key is created.
 */
public final class ColumnMasterKeySpec {
    private final String name;
    private final String providerName;
    private final String keyPath;
    private final boolean enclaveComputationsAllowed;

    private ColumnMasterKeySpec(String name, String providerName, String keyPath, boolean enclaveComputationsAllowed) {
        this.name = name;
        this.providerName = providerName;
        this.keyPath = keyPath;
        this.enclaveComputationsAllowed = enclaveComputationsAllowed;
    }

    /**
     * Starts a spec with the key's name, as column encryption keys will refer to it.
     *
     * @throws dev.hibernateae.api.AlwaysEncryptedException if the name is blank, padded with spaces or too long
     */
    public static Named named(String name) {
        KeyInputs.requireName(name, "column master key");
        return new Named(name);
    }

    /** The key's name. */
    public String name() {
        return name;
    }

    /** The provider whose key store holds the key, such as {@code MSSQL_JAVA_KEYSTORE} (any case). */
    public String providerName() {
        return providerName;
    }

    /** Where the provider finds the key: a keystore alias, a Key Vault key URL. */
    public String keyPath() {
        return keyPath;
    }

    /** Whether the key's metadata will say that enclave computations are allowed. */
    public boolean enclaveComputationsAllowed() {
        return enclaveComputationsAllowed;
    }

    /** This spec with the enclave flag set as given (the default is {@code false}). */
    public ColumnMasterKeySpec allowEnclaveComputations(boolean allow) {
        return new ColumnMasterKeySpec(name, providerName, keyPath, allow);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnMasterKeySpec that && name.equals(that.name)
                && providerName.equals(that.providerName) && keyPath.equals(that.keyPath)
                && enclaveComputationsAllowed == that.enclaveComputationsAllowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, providerName, keyPath, enclaveComputationsAllowed);
    }

    @Override
    public String toString() {
        return "column master key '" + name + "' (provider " + providerName + ", key path '" + keyPath
                + "', enclave computations " + (enclaveComputationsAllowed ? "allowed" : "not allowed") + ")";
    }

    /** A spec with a name; next, the provider. */
    public static final class Named {
        private final String name;

        private Named(String name) {
            this.name = name;
        }

        /**
         * The provider whose key store holds the key, such as {@code MSSQL_JAVA_KEYSTORE} or {@code AZURE_KEY_VAULT}.
         *
         * @throws ColumnMasterKeyException if the provider name is blank
         */
        public WithProvider provider(String providerName) {
            if (providerName == null || providerName.isBlank()) {
                throw new ColumnMasterKeyException("Column master key '" + name + "' needs a provider name, such as "
                        + "MSSQL_JAVA_KEYSTORE or AZURE_KEY_VAULT");
            }
            return new WithProvider(name, providerName);
        }
    }

    /** A spec with a name and a provider; next, the key path. */
    public static final class WithProvider {
        private final String name;
        private final String providerName;

        private WithProvider(String name, String providerName) {
            this.name = name;
            this.providerName = providerName;
        }

        /**
         * Where the provider finds the key (for {@code MSSQL_JAVA_KEYSTORE} the keystore alias, for
         * {@code AZURE_KEY_VAULT} the key URL). The spec is then complete, with enclave computations not allowed.
         *
         * @throws ColumnMasterKeyException if the path is blank or too long
         */
        public ColumnMasterKeySpec keyPath(String keyPath) {
            KeyInputs.requireKeyPath(keyPath, name);
            return new ColumnMasterKeySpec(name, providerName, keyPath, false);
        }
    }
}
