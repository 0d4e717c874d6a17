package dev.hibernateae.testing;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Narayana as a stand-alone JTA transaction manager and an Agroal pool that enlists its connections in the current
 * transaction, as Quarkus configures them: a connection obtained inside a transaction takes part in it, and Agroal
 * refuses {@code commit()}, {@code rollback()} and {@code setAutoCommit(true)} on it (with no SQL state).
 */
public final class Narayana {
    private static TransactionManager transactionManager;

    private Narayana() {
    }

    public static synchronized TransactionManager transactionManager() {
        if (transactionManager == null) {
            // Its object store (used only by transactions of two resources or more) goes to target/, not the cwd.
            String store = Path.of("target", "narayana").toAbsolutePath().toString();
            for (String name : new String[] {null, "communicationStore", "stateStore"}) {
                ObjectStoreEnvironmentBean bean = name == null
                        ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                        : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
                bean.setObjectStoreDir(store);
            }
            try {
                BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier("hibernate-ae-test");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            transactionManager = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
        return transactionManager;
    }

    /** An Agroal pool over {@code db}, enlisting in {@link #transactionManager()}'s transactions. */
    public static AgroalDataSource pool(TestDatabase.Instance db) {
        TransactionManager tm = transactionManager();
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(6)
                            .acquisitionTimeout(Duration.ofSeconds(10))
                            .transactionIntegration(new NarayanaTransactionIntegration(tm,
                                    new TransactionSynchronizationRegistryImple()))
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(db.url())
                                    .principal(new NamePrincipal(db.user()))
                                    .credential(new SimplePassword(db.password())))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
