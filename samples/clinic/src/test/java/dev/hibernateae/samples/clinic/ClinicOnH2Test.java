package dev.hibernateae.samples.clinic;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The clinic on its default database, H2 in memory. */
class ClinicOnH2Test extends ClinicScenarios {

    @BeforeAll
    static void startOnH2() throws IOException {
        start("--spring.datasource.url=jdbc:h2:mem:clinic-test;DB_CLOSE_DELAY=-1");
    }
}
