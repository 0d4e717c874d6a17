package dev.hibernateae.azure.testing;

/** An error answer of the local vault: an HTTP status with Key Vault's {@code {"error":{"code","message"}}} body. */
final class VaultError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    VaultError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
