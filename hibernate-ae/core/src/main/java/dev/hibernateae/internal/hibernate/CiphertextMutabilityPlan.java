package dev.hibernateae.internal.hibernate;

import java.io.Serializable;
import org.hibernate.SharedSessionContract;
import org.hibernate.type.descriptor.java.MutabilityPlan;

/**
 * Copies values as the attribute's Java type does, but disassembles them to ciphertext: what Hibernate puts in the
 * second-level cache for an encrypted attribute is a cell, never the plaintext (even while the column is decrypted
 * back and the database receives plaintext), and a cache hit decrypts it.
 */
final class CiphertextMutabilityPlan<T> implements MutabilityPlan<T> {
    private final EncryptedAttributeConverter<T> converter;
    private final MutabilityPlan<T> domainPlan;

    CiphertextMutabilityPlan(EncryptedAttributeConverter<T> converter, MutabilityPlan<T> domainPlan) {
        this.converter = converter;
        this.domainPlan = domainPlan;
    }

    @Override
    public boolean isMutable() {
        return domainPlan.isMutable();
    }

    @Override
    public T deepCopy(T value) {
        return domainPlan.deepCopy(value);
    }

    @Override
    public Serializable disassemble(T value, SharedSessionContract session) {
        return value == null ? null : converter.toCell(value);
    }

    @Override
    public T assemble(Serializable cached, SharedSessionContract session) {
        return cached == null ? null : converter.convertToEntityAttribute((byte[]) cached);
    }
}
