package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MissingSchemaTest {

    @Test
    void eachDatabasesTableAndColumnStatesAreRecognisedAndNothingElse() {
        for (String state : new String[] {"42S02", "42P01", "42S04"}) {
            assertTrue(MissingSchema.table(new SQLException("x", state)), state);
            assertFalse(MissingSchema.column(new SQLException("x", state)), state);
        }
        for (String state : new String[] {"42703", "42S22", "42122"}) {
            assertTrue(MissingSchema.column(new SQLException("x", state)), state);
            assertFalse(MissingSchema.table(new SQLException("x", state)), state);
        }
        assertFalse(MissingSchema.table(new SQLException("duplicate key", "23505")));
    }

    @Test
    void anErrorWithoutSqlStateIsNeitherAndDoesNotThrow() {
        assertFalse(MissingSchema.table(new SQLException("Attempting to commit while taking part in a transaction")));
        assertFalse(MissingSchema.column(new SQLException("no state")));
    }
}
