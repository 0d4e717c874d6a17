package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.hibernate.SqlFragmentColumns.SqlIdentifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The identifiers a SQL fragment names, and only those: literals, comments, numbers and parameters are not names. */
class SqlFragmentColumnsTest {
    private static final Set<String> SSN = Set.of("ssn");

    private static List<String> names(String sql) {
        return SqlFragmentColumns.identifiers(sql).stream().map(id -> String.join(".", id.parts())).toList();
    }

    @Test
    void plainWordsAreIdentifiers() {
        assertEquals(List.of("ssn", "is", "not", "null", "and", "last_name", "lower"),
                names("ssn is not null and last_name < lower('x')"));
        assertTrue(SqlFragmentColumns.names("ssn = 1", SSN));
        assertTrue(SqlFragmentColumns.names("upper(ssn)", SSN));
        assertTrue(SqlFragmentColumns.names("ssn desc", SSN));
    }

    @Test
    void comparisonIgnoresCaseAndReturnsTheColumnAsGiven() {
        assertEquals(Optional.of("ssn"), SqlFragmentColumns.firstNamed("SSN = 1", SSN));
        assertEquals(Optional.of("SSN"), SqlFragmentColumns.firstNamed("ssn = 1", Set.of("SSN")));
        assertEquals(Optional.of("birth_date"),
                SqlFragmentColumns.firstNamed("last_name = 'a' or Birth_Date is null", List.of("ssn", "birth_date")));
    }

    @Test
    void stringLiteralsAreNotNames() {
        assertFalse(SqlFragmentColumns.names("kind = 'ssn'", SSN));
        assertFalse(SqlFragmentColumns.names("kind = 'it''s ssn'", SSN));
        assertFalse(SqlFragmentColumns.names("kind = N'ssn' or kind = E'ssn'", SSN));
        assertFalse(SqlFragmentColumns.names("kind in ('a', 'ssn', '')", SSN));
        assertEquals(List.of("kind", "or", "other"), names("kind = 'a''' or other = ''''"));
    }

    @Test
    void aNameAfterALiteralWithABackslashIsFoundWhicheverWayTheDatabaseReadsTheBackslash() {
        // standard SQL: 'a\' ends at the second quote; MySQL, MariaDB and E'' strings: \' is an escaped quote
        assertTrue(SqlFragmentColumns.names("kind = 'a\\' or ssn = 1", SSN));
        assertTrue(SqlFragmentColumns.names("kind = 'a\\'' or ssn = 1", SSN));
        assertTrue(SqlFragmentColumns.names("kind = E'a\\'' or ssn = 1", SSN));
        assertFalse(SqlFragmentColumns.names("kind = 'a\\'ssn'", SSN));
    }

    @Test
    void commentsAreNotNames() {
        assertFalse(SqlFragmentColumns.names("kind = 1 -- not ssn", SSN));
        assertFalse(SqlFragmentColumns.names("kind = 1 /* ssn */ and x = 2", SSN));
        assertTrue(SqlFragmentColumns.names("kind = 1 -- not ssn\n or ssn = 2", SSN));
        assertTrue(SqlFragmentColumns.names("/* a */ ssn /* b", SSN));
        assertFalse(SqlFragmentColumns.names("kind = '/*' or x = 1 /* ssn */", SSN));
    }

    @Test
    void parametersAndNumbersAreNotNames() {
        assertFalse(SqlFragmentColumns.names("kind = :ssn", SSN));
        assertFalse(SqlFragmentColumns.names("kind = ?1 or kind = ? or kind = $1 or kind = @ssn", SSN));
        assertEquals(List.of("a", "and", "b", "or", "c"), names("a = 1.5e-3 and b = .5 or c = 0x1F"));
        assertTrue(SqlFragmentColumns.names("ssn = :ssn", SSN));
        assertEquals(List.of("ssn"), names("ssn=:ssn"));
    }

    @Test
    void aPostgresqlCastIsNotAParameter() {
        assertTrue(SqlFragmentColumns.names("x::text = ssn::text", SSN));
        assertEquals(List.of("x", "text"), names("x::text"));
    }

    @Test
    void quotedIdentifiersAreNames() {
        assertTrue(SqlFragmentColumns.names("\"ssn\" = 1", SSN));
        assertTrue(SqlFragmentColumns.names("`SSN` = 1", SSN));
        assertTrue(SqlFragmentColumns.names("[ssn] = 1", SSN));
        assertEquals(List.of("a\"b"), names("\"a\"\"b\""));
        assertEquals(List.of("a]b"), names("[a]]b]"));
    }

    @Test
    void qualifiedNamesEndInTheirColumn() {
        List<SqlIdentifier> ids = SqlFragmentColumns.identifiers("{alias}.ssn = 1 and t.\"ssn\" = 2");
        assertEquals(List.of("{alias}", "ssn"), ids.get(0).parts());
        assertEquals("ssn", ids.get(0).name());
        assertEquals(List.of("{alias}"), ids.get(0).qualifiers());
        assertEquals(List.of("t", "ssn"), ids.get(2).parts());
        assertTrue(SqlFragmentColumns.names("p.ssn = 1", SSN));
        assertTrue(SqlFragmentColumns.names("public.patient.ssn = 1", SSN));
        assertFalse(SqlFragmentColumns.names("ssn_hash = 1 and x.ssnx = 2", SSN));
    }

    @Test
    void hibernatePlaceholdersArePartsOfNamesNeverColumns() {
        assertEquals(List.of("exists", "select", "from", "{h-schema}.patient", "where", "ssn"),
                names("exists (select 1 from {h-schema}patient where ssn = 1)"));
        assertFalse(SqlFragmentColumns.names("{alias}.kind = 1", Set.of("alias")));
        assertTrue(SqlFragmentColumns.identifiers("{element}").get(0).placeholderName());
        assertEquals(List.of("$element$", "asc"), names("$element$ asc"));
    }

    @Test
    void aJdbcEscapeIsReadInside() {
        assertTrue(SqlFragmentColumns.names("{fn ucase(ssn)} = 'A'", SSN));
        assertFalse(SqlFragmentColumns.names("d > {d '2020-01-01'}", Set.of("d2020")));
    }

    @Test
    void offsetsPointAtTheStartOfEachName() {
        List<SqlIdentifier> ids = SqlFragmentColumns.identifiers("  a.b = 'x' or \"c\"");
        assertEquals(2, ids.get(0).offset());
        assertEquals(15, ids.get(2).offset());
    }

    @Test
    void emptyAndUnterminatedFragmentsDoNotFail() {
        assertEquals(List.of(), SqlFragmentColumns.identifiers(null));
        assertEquals(List.of(), SqlFragmentColumns.identifiers(""));
        assertEquals(List.of("a"), names("a = 'unterminated ssn"));
        assertEquals(List.of("ssn"), names("\"ssn"));
        assertEquals(List.of("x"), names("x /* unterminated ssn"));
        assertEquals(List.of("a"), names("a."));
    }
}
