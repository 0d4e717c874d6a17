package dev.hibernateae.internal.guard;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.orm.HqlOperationReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.query.SemanticException;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.produce.function.FunctionArgumentException;
import org.hibernate.query.sqm.spi.SqmCreationContext;
import org.hibernate.query.sqm.tree.domain.SqmPath;

/**
 * Explains Hibernate's own refusals in hibernate-ae's words. Encrypted attributes are {@code VARBINARY} to
 * Hibernate, so it already refuses {@code LIKE}, string functions, {@code min}/{@code max}, {@code avg} and
 * arithmetic on them while reading the HQL, with a type error that names neither the attribute nor the
 * encryption. On that failure path only, the query is read again ({@link HqlOperationReplay}), remembering each
 * encrypted attribute met, and the first one inside the operation that fails is blamed.
 */
public final class HqlTypeErrorDiagnosis implements HqlOperationReplay.Listener {
    private final EncryptedPathResolver resolver;
    private final List<EncryptedValue> met = new ArrayList<>();

    private HqlTypeErrorDiagnosis(EncryptedPathResolver resolver) {
        this.resolver = resolver;
    }

    /** Hibernate type errors the diagnosis explains; unknown attributes and syntax errors stay Hibernate's. */
    public static boolean isTypeError(RuntimeException e) {
        return e instanceof FunctionArgumentException || e.getClass() == SemanticException.class;
    }

    /** The guard's error for a query Hibernate refused with {@code failure}, or {@code null} when unrelated. */
    public static UnsupportedEncryptedQueryException diagnose(String hql, RuntimeException failure,
            SqmCreationOptions options, SqmCreationContext context, QueryGuard guard) {
        try {
            HqlOperationReplay.replay(hql, options, context, new HqlTypeErrorDiagnosis(guard.resolver()));
        } catch (UnsupportedEncryptedQueryException found) {
            return new UnsupportedEncryptedQueryException(found.attribute(), found.operation(), found.getMessage(),
                    failure);
        } catch (RuntimeException other) {
            return null;
        }
        return null;
    }

    @Override
    public void pathRead(SqmPath<?> path) {
        EncryptedValue value = resolver.resolve(path);
        if (value != null) {
            met.add(value);
        }
    }

    @Override
    public <T> T operation(String operation, Supplier<T> reading) {
        int mark = met.size();
        try {
            return reading.get();
        } catch (RuntimeException e) {
            if (isTypeError(e) && met.size() > mark) {
                throw Rejections.unsupported(met.get(mark).first(), operation, reasonFor(operation));
            }
            throw e;
        }
    }

    private static Reason reasonFor(String operation) {
        if (operation.startsWith("arithmetic")) {
            return Reason.COMPUTE;
        }
        return operation.endsWith("()") ? Reason.forFunction(operation.substring(0, operation.length() - 2))
                : Reason.CONTENT; // LIKE, ILIKE, REGEXP
    }
}
