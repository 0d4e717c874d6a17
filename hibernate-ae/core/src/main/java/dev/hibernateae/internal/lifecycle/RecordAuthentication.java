package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.crypto.KeyedHash;
import dev.hibernateae.internal.keys.KeyRing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The tag that makes a lifecycle record trustworthy: HMAC-SHA256, under a purpose key derived from a column
 * encryption key, over every field of the record in a fixed encoding (each string length-prefixed, so no two
 * records share an encoding). A rotation is tagged under its target key, a transition under the key of its cells:
 * keys the database holds only wrapped by master keys it never sees. Changing any field (table, column, key names,
 * direction, type, phase, time or revision) breaks the tag.
 */
public final class RecordAuthentication {
    /** The purpose of the derived key; a new encoding gets a new purpose. */
    static final String PURPOSE = "hibernate-ae lifecycle record authentication v1";

    private RecordAuthentication() {
    }

    /** The tag a job stores with {@code rotation}. */
    public static byte[] tag(KeyRing keys, KeyRotation rotation) {
        return key(keys, rotation.targetKey()).tag(message(rotation));
    }

    /** The tag a job stores with {@code transition}. */
    public static byte[] tag(KeyRing keys, ColumnTransition transition) {
        return key(keys, transition.encryptionKey()).tag(message(transition));
    }

    /**
     * Whether {@code tag} authenticates {@code rotation}.
     *
     * @throws dev.hibernateae.api.AlwaysEncryptedException when the target key cannot be loaded here
     */
    public static boolean verify(KeyRing keys, KeyRotation rotation, byte[] tag) {
        return key(keys, rotation.targetKey()).verify(message(rotation), tag);
    }

    /** Whether {@code tag} authenticates {@code transition}; see {@link #verify(KeyRing, KeyRotation, byte[])}. */
    public static boolean verify(KeyRing keys, ColumnTransition transition, byte[] tag) {
        return key(keys, transition.encryptionKey()).verify(message(transition), tag);
    }

    private static KeyedHash key(KeyRing keys, String columnEncryptionKey) {
        return keys.columnKey(columnEncryptionKey).keyedHash(PURPOSE);
    }

    static byte[] message(KeyRotation r) {
        return new Encoder().text("rotation").text(r.keyName()).text(r.sourceKey()).text(r.targetKey())
                .text(r.phase().name()).time(r.changedAt()).number(r.revision()).bytes();
    }

    static byte[] message(ColumnTransition t) {
        return new Encoder().text("transition").text(t.table()).text(t.column()).text(t.direction().name())
                .text(t.keyName()).text(t.encryptionKey()).text(t.type().name()).text(t.phase().name())
                .time(t.changedAt()).number(t.revision()).bytes();
    }

    /** Length-prefixed fields after a fixed header. */
    private static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        Encoder() {
            text(PURPOSE);
        }

        Encoder text(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
            return this;
        }

        Encoder number(long value) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
            return this;
        }

        /** To the microsecond: what every database keeps of a TIMESTAMP(6). */
        Encoder time(Instant value) {
            return number(ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
