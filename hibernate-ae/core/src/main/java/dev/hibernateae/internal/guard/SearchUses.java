package dev.hibernateae.internal.guard;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.util.Set;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.update.SqmAssignment;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;

/**
 * The guard's rules for searchable attributes: a search that tokens answer binds its value, upper bound and escape
 * for the attribute, never as they are; a bulk {@code DELETE} of an entity with search tokens, and a bulk
 * {@code UPDATE} that assigns a searchable attribute, are refused (they would bypass token maintenance).
 */
final class SearchUses {
    private final EncryptedPathResolver resolver;
    private final OperandRules rules;
    private final ParameterUses parameters;
    private final Set<String> searchedEntities;

    /** @param searchedEntities the entities whose rows (their own or a subclass's) have search tokens */
    SearchUses(EncryptedPathResolver resolver, OperandRules rules, ParameterUses parameters,
            Set<String> searchedEntities) {
        this.resolver = resolver;
        this.rules = rules;
        this.parameters = parameters;
        this.searchedEntities = searchedEntities;
    }

    /** Checks what a search binds; returns {@code predicate}, whose operands the walk does not visit further. */
    Object searched(SearchPredicate search, Object predicate) {
        EncryptedValue value = resolver.resolve(search.path());
        String operation = switch (search.kind()) {
            case LIKE -> "LIKE";
            case RANGE -> search.upper() != null ? "BETWEEN" : search.operator().sqlText().trim();
            default -> "=";
        };
        rules.searched(operation, value, new Operand.Bindable(search.value()));
        if (search.upper() != null) {
            rules.searched(operation, value, new Operand.Bindable(search.upper()));
        }
        if (search.escape() instanceof SqmParameter<?> escape) {
            parameters.plain(escape, "ESCAPE");
        }
        return predicate;
    }

    void bulkDelete(SqmRoot<?> target) {
        refuse(target, "DELETE");
    }

    void bulkUpdate(SqmUpdateStatement<?> statement) {
        for (SqmAssignment<?> assignment : statement.getSetClause().getAssignments()) {
            EncryptedValue target = resolver.resolve(assignment.getTargetPath());
            if (target != null && target.encrypted().stream().anyMatch(c -> c.converter().search().any())) {
                refuse(statement.getTarget(), "UPDATE");
            }
        }
    }

    /** Bulk mutations bypass token maintenance: they would leave rows findable by values they no longer hold. */
    private void refuse(SqmRoot<?> target, String operation) {
        if (searchedEntities.contains(target.getEntityName())) {
            throw new UnsupportedEncryptedQueryException(target.getModel().getName(), operation,
                    "Bulk " + operation + " of " + target.getModel().getName() + " is refused: its rows have search "
                    + "tokens (@EqualitySearch, @IgnoreCaseSearch, @PrefixSearch, @SuffixSearch, @RangeSearch), "
                    + "which a bulk " + operation + " would leave behind, making rows findable by values they no "
                    + "longer hold. " + (operation.equals("DELETE") ? "Remove the entities through the session "
                    + "(em.remove)" : "Change the entities through the session (load, set, flush)") + " instead");
        }
    }
}
