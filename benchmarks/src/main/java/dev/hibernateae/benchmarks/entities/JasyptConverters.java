package dev.hibernateae.benchmarks.entities;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;

/**
 * Peer: jasypt's {@link StandardPBEStringEncryptor} wrapped in converters, as its users wire it into JPA. It is given a
 * password and otherwise keeps its defaults (in 1.9.3: PBEWithMD5AndDES, the key derived from the password and a new
 * random 8-byte salt with 1,000 iterations for every value, the salt and the ciphertext stored as Base64 text). It is
 * configured and initialized once, here, after which it is thread-safe. The salt randomizes every value, so an
 * equality query cannot find a row.
 */
final class JasyptConverters {
    private static final StandardPBEStringEncryptor ENCRYPTOR = encryptor();

    private JasyptConverters() {
    }

    private static StandardPBEStringEncryptor encryptor() {
        StandardPBEStringEncryptor encryptor = new StandardPBEStringEncryptor();
        encryptor.setPassword("benchmark-only password, not a secret");
        encryptor.initialize();
        return encryptor;
    }

    /** Encrypts a string attribute. */
    @Converter
    public static final class Text implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute == null ? null : ENCRYPTOR.encrypt(attribute);
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column == null ? null : ENCRYPTOR.decrypt(column);
        }
    }

    /** Encrypts a date attribute through its ISO-8601 text. */
    @Converter
    public static final class Date implements AttributeConverter<LocalDate, String> {
        @Override
        public String convertToDatabaseColumn(LocalDate attribute) {
            return attribute == null ? null : ENCRYPTOR.encrypt(attribute.toString());
        }

        @Override
        public LocalDate convertToEntityAttribute(String column) {
            return column == null ? null : LocalDate.parse(ENCRYPTOR.decrypt(column));
        }
    }
}
