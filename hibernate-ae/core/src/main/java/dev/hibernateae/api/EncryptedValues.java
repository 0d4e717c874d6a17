package dev.hibernateae.api;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Encrypts and decrypts values exactly as a mapped {@code @Encrypted} attribute stores them, for the places
 * Hibernate does not convert: native SQL queries, JDBC batch jobs, migrations.
 *
 * <pre>{@code
 * byte[] cell = EncryptedValues.encrypt(emf, Patient.class, "ssn", "795-73-9838");
 * em.createNativeQuery("select * from patient where ssn = ?", Patient.class).setParameter(1, cell);
 * }</pre>
 *
 * <p>Only deterministic cells can be compared: a randomized attribute's cell differs at every call.
 */
public final class EncryptedValues {
    private EncryptedValues() {
    }

    /**
     * The cell the attribute would store for {@code value}, or {@code null} for {@code null}.
     *
     * @param attributePath the attribute's name, a dotted path through embeddables ({@code "address.zip"}), or an
     *        element collection's name
     */
    public static byte[] encrypt(EntityManagerFactory factory, Class<?> entityType, String attributePath, Object value) {
        return attribute(factory, entityType, attributePath).encryptValue(value);
    }

    /** The value of a cell read from the attribute's column; a cell that does not authenticate is an error. */
    public static <T> T decrypt(EntityManagerFactory factory, Class<?> entityType, String attributePath, byte[] cell,
            Class<T> valueType) {
        EncryptedAttributeConverter<?> attribute = attribute(factory, entityType, attributePath);
        Object value = attribute.convertToEntityAttribute(cell);
        if (value != null && !valueType.isInstance(value)) {
            throw new AlwaysEncryptedException("Encrypted attribute " + attribute.attribute().role() + " holds "
                    + attribute.attribute().javaType().getName() + " values, not " + valueType.getName());
        }
        return valueType.cast(value);
    }

    private static EncryptedAttributeConverter<?> attribute(EntityManagerFactory factory, Class<?> entityType,
            String attributePath) {
        SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
        String entityName = sessionFactory.getMappingMetamodel().getEntityDescriptor(entityType).getEntityName();
        EncryptionRuntime runtime = sessionFactory.getServiceRegistry().requireService(EncryptionRuntime.class);
        return runtime.attribute(entityName + "." + attributePath);
    }
}
