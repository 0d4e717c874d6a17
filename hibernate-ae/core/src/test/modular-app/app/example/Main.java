package app.example;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptedQueryCheck;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.keystore.JavaKeyStoreProvider;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Boots Hibernate with hibernate-ae from the module path, stores and loads an encrypted value, and prints one
 * {@code key=value} line per finding for ModulePathTest (never the value itself).
 *
 * <p>Arguments: keystore path, keystore password, the master key's alias in it.
 */
public final class Main {
    static final String COLUMN_ENCRYPTION_KEY = "modular-cek";
    private static final String VALUE = "modular-value-1";

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, Object> settings = Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:modular;DB_CLOSE_DELAY=-1",
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "hibernate.hbm2ddl.auto", "create-drop",
                EncryptionSettings.KEYSTORE_LOCATION, args[0],
                EncryptionSettings.KEYSTORE_PASSWORD, args[1],
                EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, args[2]);
        try (SessionFactory factory = new HibernatePersistenceConfiguration("modular").managedClass(Secret.class)
                .properties(settings).createEntityManagerFactory().unwrap(SessionFactory.class)) {
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(factory).build();
            admin.ensureColumnMasterKey(ColumnMasterKeySpec.named("modular-cmk").provider(JavaKeyStoreProvider.NAME)
                    .keyPath(args[2]));
            admin.ensureColumnEncryptionKey(COLUMN_ENCRYPTION_KEY, "modular-cmk");

            factory.inTransaction(session -> session.persist(new Secret(1L, VALUE)));
            byte[] stored = factory.fromTransaction(session -> (byte[]) session
                    .createNativeQuery("select code from modular_secret where id = 1", byte[].class)
                    .getSingleResult());
            String loaded = factory.fromTransaction(session -> session.find(Secret.class, 1L).code);
            String found = factory.fromTransaction(session -> session.createSelectionQuery(
                    "select s.code from Secret s where s.code = :v", String.class).setParameter("v", VALUE)
                    .getSingleResultOrNull());
            System.out.println("storedIsCiphertext=" + (stored != null && stored.length > 0
                    && !Arrays.equals(stored, VALUE.getBytes(StandardCharsets.UTF_8))
                    && !Arrays.equals(stored, VALUE.getBytes(StandardCharsets.UTF_16LE))));
            System.out.println("loadedEqualsStored=" + VALUE.equals(loaded));
            System.out.println("foundByEquality=" + VALUE.equals(found));
            System.out.println("likeRefused=" + likeRefused(factory));
        }
        Module core = Encrypted.class.getModule();
        System.out.println("coreModule=" + core.getName());
        System.out.println("exported=" + new TreeSet<>(core.getPackages().stream().filter(core::isExported).toList()));
        System.out.println("internalReadable=" + internalReadable());
    }

    private static boolean likeRefused(SessionFactory factory) {
        try {
            EncryptedQueryCheck.of(factory).orElseThrow().check("select s from Secret s where s.code like :v");
            return false;
        } catch (UnsupportedEncryptedQueryException e) {
            return true;
        }
    }

    /** Whether this module may call into a public class of a core package that is not exported to it. */
    private static boolean internalReadable() {
        try {
            Class.forName("dev.hibernateae.internal.guard.QueryGuard").getMethod("forFactory",
                    org.hibernate.engine.spi.SessionFactoryImplementor.class).invoke(null, (Object) null);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            return true; // reached the method: it was accessible
        }
    }
}
