package dev.hibernateae.azure;

/** The Key Vault operations this provider asks for, with the key permission each needs. */
enum KeyVaultOperation {
    GET_KEY("read", "get"),
    WRAP_KEY("wrap a column encryption key with", "wrapKey"),
    UNWRAP_KEY("unwrap a column encryption key with", "unwrapKey"),
    SIGN("sign with", "sign");

    private final String description;
    private final String permission;

    KeyVaultOperation(String description, String permission) {
        this.description = description;
        this.permission = permission;
    }

    /** What the operation does, to complete "could not ... master key 'x'". */
    String description() {
        return description;
    }

    /** The Key Vault key permission (access policy) the operation needs. */
    String permission() {
        return permission;
    }
}
