package dev.hibernateae.samples.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The clinic: patients with an encrypted SSN and birth date behind a small REST API ({@link PatientController}).
 * {@code java -jar} or {@code mvn spring-boot:run}-style start: {@code --database=postgresql} picks a server database.
 */
@SpringBootApplication
public class ClinicApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicApplication.class, args);
    }
}
