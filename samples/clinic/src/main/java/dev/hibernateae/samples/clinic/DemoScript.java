package dev.hibernateae.samples.clinic;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.samples.clinic.StoredPatients.StoredPatient;
import dev.hibernateae.samples.clinic.demokeys.DemoKeyProvisioning;
import dev.hibernateae.spring.data.RepositoryQueryGuards;
import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * The demo's steps, each printed: store patients through the repository, show the rows as the database holds them
 * next to what the application reads, find a patient by SSN, and show that a LIKE on the SSN is refused. A step that
 * does not behave as described throws, so the demo exits non-zero.
 */
final class DemoScript {
    private static final int WIDTH = 100;

    private final ApplicationContext context;
    private final PatientRepository patients;
    private final StoredPatients stored;
    private final PrintStream out;

    DemoScript(ApplicationContext context, PrintStream out) {
        this.context = context;
        this.patients = context.getBean(PatientRepository.class);
        this.stored = context.getBean(StoredPatients.class);
        this.out = out;
    }

    void run() {
        introduction();
        List<Patient> saved = storePatients();
        showStoredNextToRead(saved);
        findBySsn(saved.get(1));
        likeIsRefused();
        out.println();
        out.println("Done: the database never saw an SSN or a birth date in clear.");
    }

    private void introduction() {
        Environment environment = context.getEnvironment();
        DemoKeyProvisioning keys = context.getBean(DemoKeyProvisioning.class);
        out.println("hibernate-ae demo: the Spring Boot clinic sample on "
                + environment.getProperty("database", "h2") + " (" + environment.getProperty("spring.datasource.url")
                + ")");
        out.println("  DEMO ONLY keys: column master key '" + ClinicKeys.COLUMN_MASTER_KEY + "' in keystore "
                + keys.keystore() + (keys.keystoreCreated() ? " (created now with keytool)" : " (from an earlier run)"));
        out.println("  column encryption key '" + ClinicKeys.COLUMN_ENCRYPTION_KEY + "' wrapped by it in the key tables"
                + (keys.keysCreated() ? " (created now)" : " (from an earlier run)"));
    }

    private List<Patient> storePatients() {
        List<Patient> newPatients = new ArrayList<>(List.of(
                new Patient("795-73-9838", LocalDate.of(1815, 12, 10), "Ada", "Lovelace"),
                new Patient("123-45-6789", LocalDate.of(1912, 6, 23), "Alan", "Turing"),
                new Patient("555-12-3456", LocalDate.of(1906, 12, 9), "Grace", "Hopper")));
        // A server database keeps the patients of earlier runs: store only those not there yet.
        newPatients.removeIf(p -> patients.existsBySsn(p.getSsn()));
        patients.saveAll(newPatients);
        out.println();
        out.println("1. Stored " + newPatients.size() + " patients with PatientRepository.saveAll (the database now "
                + "has " + patients.count() + ").");
        return patients.findAll(Sort.by("id"));
    }

    private void showStoredNextToRead(List<Patient> read) {
        Map<Long, StoredPatient> rows = stored.all().stream()
                .collect(Collectors.toMap(StoredPatient::id, Function.identity()));
        out.println();
        out.println("2. Each patient as the application reads it, next to the row as the database holds it");
        out.println("   (select ssn, birth_date from patient: ssn DETERMINISTIC, birth_date RANDOMIZED):");
        for (Patient patient : read) {
            StoredPatient row = rows.get(patient.getId());
            if (row == null || row.ssn() == null || row.ssn()[0] != 0x01) {
                throw new IllegalStateException("Patient " + patient.getId() + " is not stored as an AEAD cell");
            }
            out.printf("   patient %-3d %s %s%n", patient.getId(), patient.getFirstName(), patient.getLastName());
            out.printf("     ssn         %-12s stored as %s%n", patient.getSsn(), row.ssnHex());
            out.printf("     birth_date  %-12s stored as %s%n", patient.getBirthDate(), row.birthDateHex());
        }
    }

    private void findBySsn(Patient wanted) {
        out.println();
        out.println("3. PatientRepository.findBySsn(\"" + wanted.getSsn() + "\"): the SSN is encrypted before it is "
                + "bound, and the");
        out.println("   database compares ciphertext with ciphertext.");
        Patient found = patients.findBySsn(wanted.getSsn())
                .orElseThrow(() -> new IllegalStateException("findBySsn found no patient"));
        if (!found.getId().equals(wanted.getId())) {
            throw new IllegalStateException("findBySsn found patient " + found.getId() + ", not " + wanted.getId());
        }
        out.println("   -> patient " + found.getId() + ", " + found.getFirstName() + " " + found.getLastName()
                + ", born " + found.getBirthDate());
    }

    private void likeIsRefused() {
        out.println();
        out.println("4. A LIKE on the SSN cannot work on ciphertext. A repository that declares");
        out.println("   List<Patient> findBySsnStartingWith(String prefix) is refused when Spring Data creates it, as");
        out.println("   the application's own repositories are when it starts, so the query never reaches the database:");
        UnsupportedEncryptedQueryException refused = refusal(this::createRepositoryWithLikeMethod);
        out.println("   -> " + refused.getClass().getSimpleName() + ":");
        wrap(refused.getMessage(), "      ");
    }

    /** A repository the application does not declare (it would not start): created here as Spring Data does. */
    interface PatientsBySsnPrefix extends Repository<Patient, Long> {
        List<Patient> findBySsnStartingWith(String prefix);
    }

    private void createRepositoryWithLikeMethod() {
        EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
        JpaRepositoryFactory repositories = new JpaRepositoryFactory(
                SharedEntityManagerCreator.createSharedEntityManager(factory));
        RepositoryQueryGuards.addTo(repositories, factory, PatientsBySsnPrefix.class);
        repositories.getRepository(PatientsBySsnPrefix.class);
    }

    private static UnsupportedEncryptedQueryException refusal(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnsupportedEncryptedQueryException refused) {
                    return refused;
                }
            }
            throw e;
        }
        throw new IllegalStateException("The repository method with a LIKE on the SSN was not refused");
    }

    private void wrap(String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
