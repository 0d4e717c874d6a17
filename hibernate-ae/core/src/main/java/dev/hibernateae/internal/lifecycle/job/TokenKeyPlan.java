package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.List;
import java.util.Map;

/**
 * While a job runs: for each key name of a table's searchable columns, the column encryption key its search tokens
 * are derived under (the one applications write under by the end of the job) and the keys its cells may be under.
 * Fixed when the job is prepared, from authenticated lifecycle records.
 */
public final class TokenKeyPlan {
    private final Map<String, Choice> choices;

    /** The keys of one key name. */
    public record Choice(String writeKey, List<String> readKeys) {
        public Choice {
            readKeys = List.copyOf(readKeys);
        }
    }

    public TokenKeyPlan(Map<String, Choice> choices) {
        this.choices = Map.copyOf(choices);
    }

    /** @throws AlwaysEncryptedException when the plan does not know {@code keyName} */
    Choice choice(String keyName) {
        Choice choice = choices.get(keyName);
        if (choice == null) {
            throw new AlwaysEncryptedException("No keys were planned for key name '" + keyName + "'");
        }
        return choice;
    }
}
