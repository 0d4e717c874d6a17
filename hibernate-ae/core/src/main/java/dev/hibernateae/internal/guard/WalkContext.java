package dev.hibernateae.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmAliasedNodeRef;
import org.hibernate.query.sqm.tree.from.SqmFrom;
import org.hibernate.query.sqm.tree.select.SqmJpaCompoundSelection;
import org.hibernate.query.sqm.tree.select.SqmQueryGroup;
import org.hibernate.query.sqm.tree.select.SqmQueryPart;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectableNode;
import org.hibernate.query.sqm.tree.select.SqmSelection;

/**
 * Where the walk is: the innermost operation around the current node (used to name what an encrypted value ran
 * into) and the query part whose select list {@code ORDER BY 1} or an alias refers to.
 */
final class WalkContext {
    private String operation;
    private Reason reason;
    private SqmQueryPart<?> queryPart;

    /** The operation to blame when an encrypted value turns up here, or {@code null} at the top of a clause. */
    String operation() {
        return operation;
    }

    Reason reason() {
        return reason;
    }

    <T> T within(String newOperation, Reason newReason, Supplier<T> body) {
        String savedOperation = operation;
        Reason savedReason = reason;
        operation = newOperation;
        reason = newReason;
        try {
            return body.get();
        } finally {
            operation = savedOperation;
            reason = savedReason;
        }
    }

    /** Enters a query part (a query, a subquery, a member of a UNION): no operation surrounds its clauses. */
    <T> T inQueryPart(SqmQueryPart<?> part, Supplier<T> body) {
        SqmQueryPart<?> savedPart = queryPart;
        if (part != null) {
            queryPart = part;
        }
        try {
            return within(null, null, body);
        } finally {
            queryPart = savedPart;
        }
    }

    /** The select items an {@code ORDER BY}/{@code GROUP BY} alias or position refers to, in every UNION member. */
    List<SqmSelectableNode<?>> selectedAt(SqmAliasedNodeRef reference) {
        List<SqmSelectableNode<?>> nodes = new ArrayList<>();
        if (queryPart == null) {
            return nodes;
        }
        int index = reference.getPosition() - 1;
        for (SqmQuerySpec<?> spec : querySpecs(queryPart)) {
            List<SqmSelection<?>> selections = spec.getSelectClause().getSelections();
            if (index < 0 || index >= selections.size()) {
                continue;
            }
            SqmSelectableNode<?> node = selections.get(index).getSelectableNode();
            if (reference.getNavigablePath() != null && node instanceof SqmFrom<?, ?> from) {
                // an attribute of a selected entity, named in the ORDER BY of a UNION
                SqmPath<?> attribute = from.getReusablePath(reference.getNavigablePath().getLocalName());
                if (attribute != null) {
                    nodes.add(attribute);
                }
            } else {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The select items of a query spec, with Criteria tuples and arrays ({@code multiselect}) flattened. */
    static List<SqmSelectableNode<?>> selectedNodes(SqmQuerySpec<?> spec) {
        List<SqmSelectableNode<?>> nodes = new ArrayList<>();
        for (SqmSelection<?> selection : spec.getSelectClause().getSelections()) {
            flatten(selection.getSelectableNode(), nodes);
        }
        return nodes;
    }

    private static void flatten(SqmSelectableNode<?> node, List<SqmSelectableNode<?>> nodes) {
        if (node instanceof SqmJpaCompoundSelection<?> compound) {
            compound.getSelectionItems().forEach(item -> flatten(item, nodes));
        } else {
            nodes.add(node);
        }
    }

    static List<SqmQuerySpec<?>> querySpecs(SqmQueryPart<?> part) {
        List<SqmQuerySpec<?>> specs = new ArrayList<>();
        collect(part, specs);
        return specs;
    }

    private static void collect(SqmQueryPart<?> part, List<SqmQuerySpec<?>> specs) {
        if (part instanceof SqmQuerySpec<?> spec) {
            specs.add(spec);
        } else if (part instanceof SqmQueryGroup<?> group) {
            for (SqmQueryPart<?> member : group.getQueryParts()) {
                collect(member, specs);
            }
        }
    }
}
