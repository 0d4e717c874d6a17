package dev.hibernateae.spring.dao;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates an exception that has a hibernate-ae exception ({@link AlwaysEncryptedException}) among its causes into
 * the {@link DataAccessException} that stands for it (see {@link DataAccessCategories}), the exception as thrown
 * becoming the cause. Spring's exception translation (of Spring Data repositories and {@code @Repository} beans)
 * asks every translator bean in order and takes the first answer; this one comes before Spring's JPA translator
 * (the entity manager factory, unordered and so last), which would turn a hibernate-ae exception wrapped by
 * Hibernate into a generic {@code JpaSystemException}, and leave a bare one untranslated.
 *
 * <p>A {@link DataAccessException} thrown by Spring or Spring Data for a hibernate-ae failure is translated as well
 * (Spring Data reports a refused derived query as a JPQL grammar error), unless it already is of the translation's
 * type: an exception this translator produced passes a second translation unchanged.
 */
public final class AlwaysEncryptedExceptionTranslator implements PersistenceExceptionTranslator, Ordered {
    /** Early, leaving room for an application's translator that must see hibernate-ae's exceptions first. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        AlwaysEncryptedException failure = hibernateAeCause(ex);
        if (failure == null) {
            return null;
        }
        DataAccessException translated = DataAccessCategories.translate(failure, ex);
        return translated.getClass().isInstance(ex) ? null : translated;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The outermost hibernate-ae exception among {@code ex} and its causes: it says the most. */
    private static AlwaysEncryptedException hibernateAeCause(Throwable ex) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof AlwaysEncryptedException failure) {
                return failure;
            }
        }
        return null;
    }
}
