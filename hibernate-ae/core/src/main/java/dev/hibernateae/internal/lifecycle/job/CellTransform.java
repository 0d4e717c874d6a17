package dev.hibernateae.internal.lifecycle.job;

/**
 * What a job does to one stored value: leave it (already in the target form), rewrite it (with a new value that
 * was decrypted back and compared before it is offered), or refuse it (it cannot be read, so it is never touched).
 * Implementations are thread-safe.
 */
public interface CellTransform {

    /** @param stored a non-null stored value */
    Outcome apply(byte[] stored);

    /** For reports and errors: what this transform does, naming keys, never bytes. */
    String describe();

    /** The result for one value. */
    sealed interface Outcome permits Keep, Rewrite, Unreadable {
    }

    /** Already in the target form. */
    record Keep() implements Outcome {
        static final Keep INSTANCE = new Keep();
    }

    /** To be replaced by {@code value}, which was verified. */
    record Rewrite(byte[] value) implements Outcome {
    }

    /** Neither form: left alone, reported. {@code reason} never contains the value. */
    record Unreadable(String reason) implements Outcome {
    }
}
