package dev.hibernateae.internal.query;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.query.sqm.tree.SqmStatement;

/**
 * The statements the query guard has checked, by identity, held weakly: an HQL statement is checked when it is
 * read, and Hibernate then translates that same instance (from its HQL cache) as often as it runs it; this is how
 * the translation knows not to walk it again. Any other instance (a Criteria statement, a copy Hibernate made to
 * change the query) is not here, so it is checked when translated. SQM nodes compare by structure, hence identity.
 */
final class CheckedStatements {
    private final Map<Key, Boolean> checked = new ConcurrentHashMap<>();
    private final ReferenceQueue<SqmStatement<?>> collected = new ReferenceQueue<>();

    void add(SqmStatement<?> statement) {
        expunge();
        checked.put(new Key(statement, collected), Boolean.TRUE);
    }

    boolean contains(SqmStatement<?> statement) {
        return checked.containsKey(new Key(statement, null));
    }

    private void expunge() {
        for (Reference<?> reference; (reference = collected.poll()) != null; ) {
            checked.remove(reference);
        }
    }

    /** Equal to another key when both refer to the same statement, or are the same (collected) key. */
    private static final class Key extends WeakReference<SqmStatement<?>> {
        private final int hash;

        Key(SqmStatement<?> statement, ReferenceQueue<SqmStatement<?>> queue) {
            super(statement, queue);
            this.hash = System.identityHashCode(statement);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key key)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == key.get();
        }
    }
}
