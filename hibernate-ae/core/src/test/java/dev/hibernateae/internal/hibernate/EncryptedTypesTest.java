package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.hibernate.model.AllTypes;
import dev.hibernateae.internal.hibernate.model.BloodType;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every supported type works as an encrypted attribute, round trip and equality, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class EncryptedTypesTest extends PerDatabaseScenarios {
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {AllTypes.class};
    }

    private AllTypes sample(String aString) {
        AllTypes t = new AllTypes();
        t.id = ids.incrementAndGet();
        t.aString = aString;
        t.aUtf8String = "naïve café " + aString;
        t.aBoolean = true;
        t.aByte = Byte.MIN_VALUE;
        t.aShort = Short.MAX_VALUE;
        t.anInt = Integer.MIN_VALUE;
        t.aLong = Long.MAX_VALUE;
        t.aFloat = -1.25f;
        t.aDouble = Math.E;
        t.aDecimal = new BigDecimal("-123456789.5");
        t.aDate = LocalDate.of(2024, 2, 29);
        t.aTime = LocalTime.of(23, 59, 59, 999_999_900);
        t.aDateTime = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);
        t.aDateTimeMillis = LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_456_789);
        t.anOffsetDateTime = OffsetDateTime.of(2024, 2, 29, 23, 30, 0, 100, ZoneOffset.ofHours(-14));
        t.anInstant = Instant.parse("0001-01-01T00:00:00Z");
        t.aUuid = UUID.fromString("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        t.someBytes = new byte[] {0, 1, 2, -1, -128, 127};
        t.enumByName = BloodType.O_NEGATIVE;
        t.enumByOrdinal = BloodType.B_POSITIVE;
        return t;
    }

    @Test
    void everyTypeRoundTrips() {
        AllTypes written = sample("round trip 😀");
        sessionFactory.inTransaction(s -> s.persist(written));
        AllTypes read = sessionFactory.fromTransaction(s -> s.find(AllTypes.class, written.id));
        assertEquals(written.aString, read.aString);
        assertEquals(written.aUtf8String, read.aUtf8String);
        assertEquals(written.aBoolean, read.aBoolean);
        assertEquals(written.aByte, read.aByte);
        assertEquals(written.aShort, read.aShort);
        assertEquals(written.anInt, read.anInt);
        assertEquals(written.aLong, read.aLong);
        assertEquals(written.aFloat, read.aFloat);
        assertEquals(written.aDouble, read.aDouble);
        assertEquals(new BigDecimal("-123456789.500"), read.aDecimal);
        assertEquals(written.aDate, read.aDate);
        assertEquals(written.aTime, read.aTime);
        assertEquals(written.aDateTime, read.aDateTime);
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_000_000), read.aDateTimeMillis, "secondPrecision = 3");
        assertEquals(written.anOffsetDateTime, read.anOffsetDateTime);
        assertEquals(written.anInstant, read.anInstant);
        assertEquals(written.aUuid, read.aUuid);
        assertArrayEquals(written.someBytes, read.someBytes);
        assertEquals(written.enumByName, read.enumByName);
        assertEquals(written.enumByOrdinal, read.enumByOrdinal);
    }

    @Test
    void equalityWorksOnEveryDeterministicType() {
        AllTypes target = sample("needle");
        AllTypes other = sample("hay");
        other.aBoolean = false;
        other.aByte = 1;
        other.aShort = 2;
        other.anInt = 3;
        other.aLong = 4L;
        other.aFloat = 5f;
        other.aDouble = 6d;
        other.aDecimal = BigDecimal.ONE;
        other.aDate = LocalDate.of(2000, 1, 1);
        other.aTime = LocalTime.NOON;
        other.aDateTime = LocalDateTime.of(2000, 1, 1, 0, 0);
        other.aDateTimeMillis = LocalDateTime.of(2000, 1, 1, 0, 0);
        other.anOffsetDateTime = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        other.anInstant = Instant.EPOCH;
        other.aUuid = new UUID(1, 2);
        other.enumByName = BloodType.A_NEGATIVE;
        other.enumByOrdinal = BloodType.A_NEGATIVE;
        sessionFactory.inTransaction(s -> {
            s.persist(target);
            s.persist(other);
        });
        String[] attributes = {"aString", "aUtf8String", "aBoolean", "aByte", "aShort", "anInt", "aLong", "aFloat", "aDouble", "aDecimal",
            "aDate", "aTime", "aDateTime", "aDateTimeMillis", "anOffsetDateTime", "anInstant", "aUuid", "enumByName", "enumByOrdinal"};
        Object[] values = {target.aString, target.aUtf8String, target.aBoolean, target.aByte, target.aShort, target.anInt,
            target.aLong, target.aFloat, target.aDouble, new BigDecimal("-123456789.50"), target.aDate, target.aTime,
            target.aDateTime, target.aDateTimeMillis, target.anOffsetDateTime, target.anInstant, target.aUuid, target.enumByName,
            target.enumByOrdinal};
        for (int i = 0; i < attributes.length; i++) {
            String attribute = attributes[i];
            Object value = values[i];
            var ids = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                    "select t.id from AllTypes t where t." + attribute + " = :v and t.id in (:a, :b)", Long.class)
                    .setParameter("v", value).setParameter("a", target.id).setParameter("b", other.id).getResultList());
            assertEquals(java.util.List.of(target.id), ids, attribute);
        }
    }
}
