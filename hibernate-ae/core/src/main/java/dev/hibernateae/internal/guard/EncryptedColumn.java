package dev.hibernateae.internal.guard;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import java.util.Objects;

/**
 * One encrypted column as a query refers to it: the attribute's name as the user wrote it ({@code Patient.ssn},
 * {@code Patient.address.zip}, {@code Patient.aliases}) and the converter that encrypts it.
 */
record EncryptedColumn(String attribute, EncryptedAttributeConverter<?> converter) {

    boolean deterministic() {
        return converter.attribute().type() == EncryptionType.DETERMINISTIC;
    }

    /**
     * Whether cells of both attributes can stand for each other, so the database can compare or copy them (equal
     * values give equal cells when both are deterministic):
     * the same key and encryption type, and the same plaintext bytes for the same value (Java type, string
     * encoding, decimal scale, fractional seconds, enum mapping).
     */
    boolean interchangeable(EncryptedColumn other) {
        if (converter == other.converter) {
            return true;
        }
        EncryptedAttribute<?> a = converter.attribute();
        EncryptedAttribute<?> b = other.converter.attribute();
        if (a == b) {
            return true;
        }
        if (a.type() != b.type() || !a.keyName().equals(b.keyName()) || a.javaType() != b.javaType()) {
            return false;
        }
        CodecOptions x = a.codecOptions();
        CodecOptions y = b.codecOptions();
        if (x == null || y == null) {
            return false;
        }
        return x.stringEncoding() == y.stringEncoding() && x.scale() == y.scale()
                && x.fractionalSeconds() == y.fractionalSeconds() && x.enumMapping() == y.enumMapping();
    }

    /** {@code Patient.ssn (DETERMINISTIC, key 'cek1')}: never a value, only the mapping. */
    String describe() {
        return attribute + " (" + converter.attribute().type() + ", key '" + converter.attribute().keyName() + "')";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedColumn other && attribute.equals(other.attribute) && converter == other.converter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attribute, System.identityHashCode(converter));
    }
}
