package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;

/** The check every fixed-size decoder makes first. */
final class Lengths {
    private Lengths() {
    }

    static void require(byte[] bytes, int expected, String sqlType, Class<?> javaType) {
        if (bytes.length != expected) {
            throw new UnsupportedPlaintextException("Decrypted value is " + bytes.length + " bytes, but a " + sqlType
                    + " normalized for " + javaType.getSimpleName() + " is " + expected
                    + " bytes: the column holds cells of another type");
        }
    }
}
