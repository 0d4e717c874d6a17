package dev.hibernateae.internal.hibernate.model;

import java.util.Set;
import java.util.TreeSet;
import org.hibernate.SessionFactory;

/** The last names of the patients a query selects: what query tests compare. */
public final class PatientNames {
    private PatientNames() {
    }

    /**
     * Runs {@code hql} (selecting {@link Patient}s) in a transaction of its own.
     *
     * @param parameters name, value, name, value...
     */
    public static Set<String> of(SessionFactory sessionFactory, String hql, Object... parameters) {
        return sessionFactory.fromTransaction(s -> {
            var query = s.createSelectionQuery(hql, Patient.class);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            Set<String> names = new TreeSet<>();
            query.getResultList().forEach(p -> names.add(p.lastName));
            return names;
        });
    }
}
