package dev.hibernateae.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelectedDatabasesTest {
    @Test
    void unsetOrBlankSelectsEveryDatabase() {
        for (String setting : new String[] {null, "", "  "}) {
            assertTrue(SelectedDatabases.selects(setting, "POSTGRESQL"), String.valueOf(setting));
        }
    }

    @Test
    void aListSelectsExactlyItsNamesInAnyCase() {
        assertTrue(SelectedDatabases.selects("h2", "H2"));
        assertTrue(SelectedDatabases.selects("H2, mariadb", "MARIADB"));
        assertFalse(SelectedDatabases.selects("H2", "POSTGRESQL"));
        assertFalse(SelectedDatabases.selects("H2", "MARIADB"));
        assertFalse(SelectedDatabases.selects("H", "H2"));
    }
}
