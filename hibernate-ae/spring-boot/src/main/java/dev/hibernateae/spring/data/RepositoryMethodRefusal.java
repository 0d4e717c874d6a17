package dev.hibernateae.spring.data;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.util.Optional;
import org.springframework.data.repository.query.QueryCreationException;

/**
 * How a query refused by hibernate-ae's query guard names the repository method it belongs to: the guard's message
 * (attribute, operation, why, what to do) after {@code Repository method Interface.method: }. The attribute and
 * operation stay those of the guard's exception, which stays the cause.
 */
public final class RepositoryMethodRefusal {
    private static final String PREFIX = "Repository method ";

    private RepositoryMethodRefusal() {
    }

    /**
     * @param refusal the guard's exception
     * @param repositoryMethod {@code Interface.method}, possibly followed by which of its queries was refused
     * @return the refusal, its message naming the repository method
     */
    public static UnsupportedEncryptedQueryException naming(UnsupportedEncryptedQueryException refusal,
            String repositoryMethod) {
        return new UnsupportedEncryptedQueryException(refusal.attribute(), refusal.operation(),
                prefix(repositoryMethod) + refusal.getMessage(), refusal);
    }

    /**
     * The refusal's message naming the repository method that Spring Data was creating when it was thrown, for a
     * refusal that reached startup through Spring Data's own validation of a query (a {@link QueryCreationException}
     * in the failure's causes) rather than through hibernate-ae's repository checks.
     *
     * @param failure the startup failure
     * @param refusal the guard's exception among its causes
     * @return the message naming the method, or empty if no query creation failure names one
     */
    public static Optional<String> describe(Throwable failure, UnsupportedEncryptedQueryException refusal) {
        for (Throwable t = failure; t != null && t != refusal; t = t.getCause()) {
            if (t instanceof QueryCreationException creation) {
                String prefix = prefix(creation.getRepositoryInterface().getSimpleName() + "."
                        + creation.getMethod().getName());
                String message = refusal.getMessage();
                return Optional.of(message.startsWith(prefix) ? message : prefix + message);
            }
        }
        return Optional.empty();
    }

    private static String prefix(String repositoryMethod) {
        return PREFIX + repositoryMethod + ": ";
    }
}
