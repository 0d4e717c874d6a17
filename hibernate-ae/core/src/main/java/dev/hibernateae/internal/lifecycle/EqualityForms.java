package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * While a deterministic attribute's key is rotated or its column is encrypted in place, an equal value is stored
 * in more than one form (a cell under either key, or plaintext text). An equality query must look for every form;
 * this says how many other forms there are and computes them from the form Hibernate bound.
 */
public final class EqualityForms {
    private EqualityForms() {
    }

    /**
     * The number of forms other than the one the attribute writes, in this state; 0 outside any transition and for
     * randomized attributes (which equality cannot match anyway).
     *
     * @throws AlwaysEncryptedException when the plaintext rows of a column being encrypted in place cannot be
     *         matched exactly (their text form depends on the database), so a query would miss rows
     */
    public static int otherFormCount(LifecycleSnapshot state, EncryptedAttributeConverter<?> attribute) {
        return plan(state, attribute).size();
    }

    /** The other forms of the value whose written form is {@code stored}, in the order of {@link #plan}. */
    public static List<byte[]> otherForms(EncryptionRuntime runtime, EncryptedAttributeConverter<?> attribute,
            byte[] stored) {
        LifecycleSnapshot state = runtime.lifecycleState();
        List<Form> plan = plan(state, attribute);
        if (plan.isEmpty() || stored == null) {
            return List.of();
        }
        Object value = attribute.convertToEntityAttribute(stored);
        List<byte[]> forms = new ArrayList<>(plan.size());
        for (Form form : plan) {
            forms.add(form.key() == null ? plaintext(attribute, value) : cell(runtime, attribute, form.key(), value));
        }
        return forms;
    }

    /** One other form: a deterministic cell under {@code key}, or plaintext text when {@code key} is null. */
    record Form(String key) {
    }

    static List<Form> plan(LifecycleSnapshot state, EncryptedAttributeConverter<?> attribute) {
        if (attribute.type() != EncryptionType.DETERMINISTIC || state.isEmpty()) {
            return List.of();
        }
        List<Form> forms = new ArrayList<>(2);
        ColumnTransition transition = state.transition(attribute.tableName(), attribute.columnName());
        boolean writesPlaintext = transition != null && transition.writesPlaintext();
        if (transition != null && transition.running()) {
            if (writesPlaintext) {
                forms.add(new Form(state.writeKey(attribute.keyName())));
            } else {
                if (!ColumnForms.text(attribute).exactForEquality()) {
                    throw new AlwaysEncryptedException("Equality on " + attribute.role() + " cannot be answered "
                            + "while column " + transition.table() + "." + transition.column() + " is being "
                            + "encrypted in place: the plaintext rows hold the database's own text for "
                            + attribute.javaType().getSimpleName() + " values, which a query cannot reproduce "
                            + "exactly. Run the query after the encryption completes (hibernate-ae-cli status)");
                }
                forms.add(new Form(null));
            }
        }
        KeyRotation rotation = state.rotation(attribute.keyName());
        boolean cellsPossible = !writesPlaintext || transition.running();
        if (rotation != null && rotation.rotating() && cellsPossible
                && !rotation.sourceKey().equals(rotation.targetKey())) {
            forms.add(new Form(rotation.sourceKey()));
        }
        return forms;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] plaintext(EncryptedAttributeConverter attribute, Object value) {
        return ColumnForms.formatPlaintext(attribute, value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] cell(EncryptionRuntime runtime, EncryptedAttributeConverter attribute, String key,
            Object value) {
        byte[] plaintext = attribute.codec().encode(value);
        try {
            return new CellCipher(runtime.keyRing().cellKey(key), EncryptionType.DETERMINISTIC).encrypt(plaintext);
        } finally {
            if (plaintext != value) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }
}
