package dev.hibernateae.samples.plainjpa;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plain JPA demo: persistence unit {@code clinic} from {@code META-INF/persistence.xml}, no framework. Stores
 * patients, shows each next to its row as the database holds it, finds one by SSN with JPQL, and shows that a LIKE on
 * the SSN is refused. Exits 0 when every step behaved as shown.
 */
public final class Demo {
    /** Keeps Hibernate's start-up notices (such as its built-in connection pool's) out of the demo's output. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private final EntityManagerFactory factory;
    private final PrintStream out;

    Demo(EntityManagerFactory factory, PrintStream out) {
        this.factory = factory;
        this.out = out;
    }

    public static void main(String[] args) {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
        int status;
        try {
            Database database = Database.fromSystemProperty();
            System.out.println("hibernate-ae demo: the plain JPA sample on " + database + " (" + database.url() + ")");
            try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("clinic",
                    database.properties())) {
                new Demo(factory, System.out).run();
            }
            status = 0;
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println();
            System.err.println("The demo failed: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            status = 1;
        }
        System.exit(status);
    }

    void run() {
        DemoKeys keys = DemoKeys.provision(factory);
        out.println("  DEMO ONLY keys: column master key '" + DemoKeys.COLUMN_MASTER_KEY + "' in keystore "
                + keys.keystore() + (keys.keystoreCreated() ? " (created now with keytool)" : " (from an earlier run)"));
        out.println("  column encryption key '" + DemoKeys.COLUMN_ENCRYPTION_KEY + "' wrapped by it in the key tables"
                + (keys.keysCreated() ? " (created now)" : " (from an earlier run)"));

        List<Patient> patients = store(List.of(
                new Patient("795-73-9838", LocalDate.of(1815, 12, 10), "Ada", "Lovelace"),
                new Patient("123-45-6789", LocalDate.of(1912, 6, 23), "Alan", "Turing"),
                new Patient("555-12-3456", LocalDate.of(1906, 12, 9), "Grace", "Hopper")));
        showStoredNextToRead(patients);
        Patient alan = patients.stream().filter(p -> p.getSsn().equals("123-45-6789")).findFirst().orElseThrow();
        findBySsn(alan);
        likeIsRefused();
        out.println();
        out.println("Done: the database never saw an SSN or a birth date in clear.");
    }

    /** Persists the patients not stored yet (a server database keeps earlier runs'), then reads every patient. */
    List<Patient> store(List<Patient> newPatients) {
        int[] stored = {0};
        factory.runInTransaction(em -> {
            for (Patient patient : newPatients) {
                boolean exists = !em.createQuery("select p.id from Patient p where p.ssn = :ssn", Long.class)
                        .setParameter("ssn", patient.getSsn()).getResultList().isEmpty();
                if (!exists) {
                    em.persist(patient);
                    stored[0]++;
                }
            }
        });
        List<Patient> all = factory.callInTransaction(em -> em.createQuery("from Patient order by id", Patient.class)
                .getResultList());
        out.println();
        out.println("1. Stored " + stored[0] + " patients with EntityManager.persist (the database now has "
                + all.size() + ").");
        return all;
    }

    private void showStoredNextToRead(List<Patient> patients) {
        Map<Long, Object[]> rows = storedRows();
        out.println();
        out.println("2. Each patient as the application reads it, next to the row as the database holds it");
        out.println("   (native SQL: select ssn, birth_date from plain_jpa_patient; ssn DETERMINISTIC, birth_date RANDOMIZED):");
        for (Patient patient : patients) {
            Object[] row = rows.get(patient.getId());
            byte[] ssn = row == null ? null : (byte[]) row[1];
            if (ssn == null || ssn[0] != 0x01) {
                throw new IllegalStateException("Patient " + patient.getId() + " is not stored as an AEAD cell");
            }
            out.printf("   patient %-3d %s %s%n", patient.getId(), patient.getFirstName(), patient.getLastName());
            out.printf("     ssn         %-12s stored as %s%n", patient.getSsn(), shortHex(ssn));
            out.printf("     birth_date  %-12s stored as %s%n", patient.getBirthDate(), shortHex((byte[]) row[2]));
        }
    }

    /** The rows with plain JDBC types: native SQL bypasses hibernate-ae's converters, so cells come back as bytes. */
    @SuppressWarnings("unchecked") // JPA's native queries return raw lists
    Map<Long, Object[]> storedRows() {
        List<Object[]> rows = factory.callInTransaction(em -> (List<Object[]>) em.createNativeQuery(
                "select id, ssn, birth_date from plain_jpa_patient order by id", Object[].class).getResultList());
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), Function.identity()));
    }

    private void findBySsn(Patient wanted) {
        out.println();
        out.println("3. JPQL select p from Patient p where p.ssn = :ssn, with ssn = \"" + wanted.getSsn() + "\": the SSN");
        out.println("   is encrypted before it is bound, and the database compares ciphertext with ciphertext.");
        Patient found = findBySsn(wanted.getSsn());
        if (found == null || !found.getId().equals(wanted.getId())) {
            throw new IllegalStateException("The query by SSN did not find patient " + wanted.getId());
        }
        out.println("   -> patient " + found.getId() + ", " + found.getFirstName() + " " + found.getLastName()
                + ", born " + found.getBirthDate());
    }

    Patient findBySsn(String ssn) {
        return factory.callInTransaction(em -> em.createQuery("select p from Patient p where p.ssn = :ssn", Patient.class)
                .setParameter("ssn", ssn).getResultStream().findFirst().orElse(null));
    }

    private void likeIsRefused() {
        out.println();
        out.println("4. A LIKE on the SSN cannot work on ciphertext, so hibernate-ae refuses it before the database");
        out.println("   sees it. JPQL select p from Patient p where p.ssn like :prefix:");
        UnsupportedEncryptedQueryException refused = refusedLike();
        out.println("   -> " + refused.getClass().getSimpleName() + ":");
        wrap(refused.getMessage(), "      ");
    }

    UnsupportedEncryptedQueryException refusedLike() {
        try {
            factory.callInTransaction(em -> em.createQuery("select p from Patient p where p.ssn like :prefix", Patient.class)
                    .setParameter("prefix", "795-%").getResultList());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnsupportedEncryptedQueryException refused) {
                    return refused;
                }
            }
            throw e;
        }
        throw new IllegalStateException("The LIKE on the SSN was not refused");
    }

    static String shortHex(byte[] cell) {
        if (cell == null) {
            return "null";
        }
        HexFormat hex = HexFormat.of().withUpperCase();
        return "0x" + hex.formatHex(cell, 0, 4) + "…" + hex.formatHex(cell, cell.length - 2, cell.length)
                + " (" + cell.length + " bytes)";
    }

    private void wrap(String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
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
