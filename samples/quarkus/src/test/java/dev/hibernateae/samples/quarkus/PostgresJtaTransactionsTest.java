package dev.hibernateae.samples.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JtaTransactionsTest} on PostgreSQL: the same application started again, so the key's first use is again its own. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class PostgresJtaTransactionsTest extends JtaTransactionsTest {
}
