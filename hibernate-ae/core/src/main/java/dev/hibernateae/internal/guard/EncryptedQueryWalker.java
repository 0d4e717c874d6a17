package dev.hibernateae.internal.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.dialect.function.SqlColumn;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.query.sqm.SetOperator;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmAggregateFunction;
import org.hibernate.query.sqm.tree.expression.SqmAliasedNodeRef;
import org.hibernate.query.sqm.tree.expression.SqmCollectionSize;
import org.hibernate.query.sqm.tree.expression.SqmDistinct;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmSummarization;
import org.hibernate.query.sqm.tree.expression.SqmWindow;
import org.hibernate.query.sqm.tree.insert.SqmConflictClause;
import org.hibernate.query.sqm.tree.insert.SqmInsertSelectStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertValuesStatement;
import org.hibernate.query.sqm.tree.insert.SqmValues;
import org.hibernate.query.sqm.tree.predicate.SqmBetweenPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmEmptinessPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmExistsPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInListPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInSubQueryPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmLikePredicate;
import org.hibernate.query.sqm.tree.predicate.SqmMemberOfPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmNullnessPredicate;
import org.hibernate.query.sqm.tree.select.SqmDynamicInstantiation;
import org.hibernate.query.sqm.tree.select.SqmJpaCompoundSelection;
import org.hibernate.query.sqm.tree.select.SqmQueryGroup;
import org.hibernate.query.sqm.tree.select.SqmQueryPart;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectClause;
import org.hibernate.query.sqm.tree.select.SqmSelectableNode;
import org.hibernate.query.sqm.tree.select.SqmSelection;
import org.hibernate.query.sqm.tree.select.SqmSortSpecification;
import org.hibernate.query.sqm.tree.select.SqmSubQuery;
import org.hibernate.query.sqm.tree.update.SqmAssignment;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;

/**
 * The places where an encrypted attribute may appear, and their conditions: selected (it is decrypted on read);
 * compared with {@code =}, {@code <>}, {@code IN}, {@code MEMBER OF} when deterministic, against parameters,
 * literals or attributes encrypted the same way; {@code IS [NOT] NULL}; {@code count()}; {@code GROUP BY},
 * {@code DISTINCT} and {@code count(distinct)} when deterministic; assigned from parameters, literals or the same
 * encryption in {@code UPDATE} and {@code INSERT}; searched, where its search annotations declare it
 * ({@link SearchUses}). Anything else falls through to {@link ValueUseWalker}, which refuses it. One instance checks
 * one statement.
 */
final class EncryptedQueryWalker extends ValueUseWalker {
    private final SearchUses searches;

    EncryptedQueryWalker(EncryptedPathResolver resolver, LiteralRule literals, Set<String> searchedEntities) {
        super(resolver, literals);
        this.searches = new SearchUses(resolver, rules, parameters, searchedEntities);
    }

    void check(SqmStatement<?> statement) {
        statement.accept(this);
        parameters.verify();
    }

    // ---------------------------------------------------------------- query parts and selections

    @Override
    public Object visitQuerySpec(SqmQuerySpec<?> querySpec) {
        return context.inQueryPart(querySpec, () -> super.visitQuerySpec(querySpec));
    }

    @Override
    public Object visitQueryGroup(SqmQueryGroup<?> group) {
        return context.inQueryPart(group, () -> {
            for (SqmQueryPart<?> part : group.getQueryParts()) {
                part.accept(this);
            }
            checkSetOperation(group);
            visitOrderByClause(group.getOrderByClause());
            visitOffsetExpression(group.getOffsetExpression());
            visitFetchExpression(group.getFetchExpression());
            return group;
        });
    }

    /**
     * UNION, INTERSECT and EXCEPT put cells of different attributes in one column and (except UNION ALL) compare
     * them; UNION ALL only needs cells that decrypt alike.
     */
    private void checkSetOperation(SqmQueryGroup<?> group) {
        String operation = group.getSetOperator().name().replace('_', ' ');
        List<SqmSelectableNode<?>> first = WalkContext.selectedNodes(group.getFirstQuerySpec());
        for (int i = 0; i < first.size(); i++) {
            Operand head = rules.classify(first.get(i));
            for (SqmQuerySpec<?> spec : WalkContext.querySpecs(group)) {
                List<SqmSelectableNode<?>> selections = WalkContext.selectedNodes(spec);
                Operand other = i < selections.size() ? rules.classify(selections.get(i)) : null;
                if (head == null || other == null
                        || !(head instanceof Operand.Encrypted) && !(other instanceof Operand.Encrypted)) {
                    continue;
                }
                if (group.getSetOperator() != SetOperator.UNION_ALL) {
                    rules.compare(operation, head, other);
                } else {
                    rules.requireSameCells(operation, head, other);
                }
            }
        }
    }

    @Override
    public Object visitSelectClause(SqmSelectClause selectClause) {
        for (SqmSelection<?> selection : selectClause.getSelections()) {
            select(selection.getSelectableNode(), selectClause.isDistinct());
        }
        return selectClause;
    }

    /** Selecting an encrypted attribute is fine: it is decrypted on read. DISTINCT needs equal cells for equal values. */
    private void select(SqmSelectableNode<?> node, boolean distinct) {
        if (node instanceof SqmDynamicInstantiation<?> instantiation) {
            instantiation.getArguments().forEach(argument -> select(argument.getSelectableNode(), distinct));
        } else if (node instanceof SqmJpaCompoundSelection<?> compound) {
            compound.getSelectionItems().forEach(item -> select(item, distinct));
        } else if (rules.classify(node) instanceof Operand.Encrypted encrypted) {
            if (distinct) {
                rules.requireDeterministic(encrypted.value(), "SELECT DISTINCT");
            }
            walkInside(encrypted, "SELECT");
        } else {
            context.within(null, null, () -> node.accept(this));
        }
    }

    @Override
    public Object visitDynamicInstantiation(SqmDynamicInstantiation<?> instantiation) {
        instantiation.getArguments().forEach(argument -> select(argument.getSelectableNode(), false));
        return instantiation;
    }

    @Override
    public Object visitJpaCompoundSelection(SqmJpaCompoundSelection<?> selection) {
        selection.getSelectionItems().forEach(item -> select(item, false));
        return selection;
    }

    // ---------------------------------------------------------------- ordering and grouping

    @Override
    public Object visitSortSpecification(SqmSortSpecification sort) {
        return sort(sort, "ORDER BY");
    }

    private Object sort(SqmSortSpecification sort, String operation) {
        SqmExpression<?> expression = sort.getSortExpression();
        if (expression instanceof SqmAliasedNodeRef reference) {
            for (SqmSelectableNode<?> selected : context.selectedAt(reference)) {
                if (rules.classify(selected) instanceof Operand.Encrypted encrypted) {
                    throw Rejections.unsupported(encrypted.value().first(), operation, Reason.ORDER);
                }
            }
            return sort;
        }
        return context.within(operation, Reason.ORDER, () -> expression.accept(this));
    }

    @Override
    public Object visitGroupByClause(List<SqmExpression<?>> expressions) {
        if (expressions != null) {
            expressions.forEach(expression -> group(expression, "GROUP BY"));
        }
        return expressions;
    }

    /** Equal plaintexts of a deterministic attribute have equal cells, so grouping by the cells groups correctly. */
    private void group(SqmExpression<?> expression, String operation) {
        if (expression instanceof SqmAliasedNodeRef reference) {
            for (SqmSelectableNode<?> selected : context.selectedAt(reference)) {
                if (rules.classify(selected) instanceof Operand.Encrypted encrypted) {
                    rules.requireDeterministic(encrypted.value(), operation);
                }
            }
            return;
        }
        Operand operand = rules.classify(expression);
        if (operand instanceof Operand.Encrypted encrypted) {
            rules.requireDeterministic(encrypted.value(), operation);
        }
        walkInside(operand, operation);
    }

    @Override
    public Object visitSummarization(SqmSummarization<?> summarization) {
        String operation = "GROUP BY " + summarization.getKind().name();
        summarization.getGroupings().forEach(expression -> group(expression, operation));
        return summarization;
    }

    @Override
    public Object visitWindow(SqmWindow window) {
        window.getPartitions().forEach(expression -> group(expression, "PARTITION BY"));
        return context.within("ORDER BY (window)", Reason.ORDER, () -> {
            window.getOrderList().forEach(sort -> sort(sort, "ORDER BY (window)"));
            if (window.getStartExpression() != null) {
                window.getStartExpression().accept(this);
            }
            if (window.getEndExpression() != null) {
                window.getEndExpression().accept(this);
            }
            return window;
        });
    }

    // ---------------------------------------------------------------- predicates

    @Override
    public Object visitComparisonPredicate(SqmComparisonPredicate predicate) {
        SearchPredicate search = SearchPredicate.of(predicate, resolver);
        if (search != null) {
            return searches.searched(search, predicate);
        }
        ComparisonOperator operator = predicate.getSqmOperator();
        String operation = operator.sqlText().trim().toUpperCase(Locale.ROOT);
        Operand left = rules.classify(predicate.getLeftHandExpression());
        Operand right = rules.classify(predicate.getRightHandExpression());
        if (!equality(operator)) {
            Operand.Encrypted encrypted = left instanceof Operand.Encrypted e ? e
                    : right instanceof Operand.Encrypted e ? e : null;
            if (encrypted != null) {
                throw Rejections.unsupported(encrypted.value().first(), operation, Reason.ORDER);
            }
        }
        rules.compare(operation, left, right);
        walkInside(left, operation);
        walkInside(right, operation);
        return predicate;
    }

    @Override
    public Object visitLikePredicate(SqmLikePredicate predicate) {
        SearchPredicate search = SearchPredicate.of(predicate, resolver);
        return search != null ? searches.searched(search, predicate) : super.visitLikePredicate(predicate);
    }

    @Override
    public Object visitBetweenPredicate(SqmBetweenPredicate predicate) {
        SearchPredicate search = SearchPredicate.of(predicate, resolver);
        return search != null ? searches.searched(search, predicate) : super.visitBetweenPredicate(predicate);
    }

    @Override
    public Object visitDeleteStatement(SqmDeleteStatement<?> statement) {
        searches.bulkDelete(statement.getTarget());
        return super.visitDeleteStatement(statement);
    }

    @Override
    public Object visitUpdateStatement(SqmUpdateStatement<?> statement) {
        searches.bulkUpdate(statement);
        return super.visitUpdateStatement(statement);
    }

    private static boolean equality(ComparisonOperator operator) {
        return operator == ComparisonOperator.EQUAL || operator == ComparisonOperator.NOT_EQUAL
                || operator == ComparisonOperator.DISTINCT_FROM || operator == ComparisonOperator.NOT_DISTINCT_FROM;
    }

    @Override
    public Object visitInListPredicate(SqmInListPredicate<?> predicate) {
        Operand test = rules.classify(predicate.getTestExpression());
        walkInside(test, "IN");
        for (SqmExpression<?> item : predicate.getListExpressions()) {
            Operand operand = rules.classify(item);
            rules.compare("IN", test, operand);
            walkInside(operand, "IN");
        }
        return predicate;
    }

    @Override
    public Object visitInSubQueryPredicate(SqmInSubQueryPredicate<?> predicate) {
        Operand test = rules.classify(predicate.getTestExpression());
        Operand subquery = rules.classify(predicate.getSubQueryExpression());
        rules.compare("IN (subquery)", test, subquery);
        walkInside(test, "IN (subquery)");
        walkInside(subquery, "IN (subquery)");
        return predicate;
    }

    @Override
    public Object visitMemberOfPredicate(SqmMemberOfPredicate predicate) {
        Operand member = rules.classify(predicate.getLeftHandExpression());
        Operand elements = rules.classify(predicate.getPluralPath());
        rules.compare("MEMBER OF", member, elements);
        walkInside(member, "MEMBER OF");
        return predicate;
    }

    @Override
    public Object visitIsNullPredicate(SqmNullnessPredicate predicate) {
        // NULL is never encrypted, so IS [NOT] NULL works on ciphertext of either encryption type.
        walkInside(rules.classify(predicate.getExpression()), "IS NULL");
        return predicate;
    }

    @Override
    public Object visitIsEmptyPredicate(SqmEmptinessPredicate predicate) {
        return predicate; // counts rows, never looks at the elements
    }

    @Override
    public Object visitPluralAttributeSizeFunction(SqmCollectionSize size) {
        return size; // counts rows, never looks at the elements
    }

    @Override
    public Object visitExistsPredicate(SqmExistsPredicate predicate) {
        SqmSubQuery<?> subquery = OperandRules.subqueryOf(predicate.getExpression());
        return subquery != null ? walkSubquery(subquery) : super.visitExistsPredicate(predicate);
    }

    // ---------------------------------------------------------------- functions

    @Override
    public Object visitFunction(SqmFunction<?> function) {
        String name = function.getFunctionName().toLowerCase(Locale.ROOT);
        if (function instanceof SqmAggregateFunction<?> aggregate && name.equals("count")) {
            return count(function, aggregate);
        }
        if (function.getFunctionDescriptor() instanceof SqlColumn) {
            RawSql.checkColumn(function, resolver);
            return function;
        }
        if (name.equals("sql")) {
            RawSql.checkFragment(function, resolver);
        }
        return context.within(name + "()", Reason.forFunction(name), () -> super.visitFunction(function));
    }

    /** count() counts non-null cells, which works on ciphertext; count(distinct) needs equal cells for equal values. */
    private Object count(SqmFunction<?> function, SqmAggregateFunction<?> aggregate) {
        for (SqmTypedNode<?> argument : function.getArguments()) {
            boolean distinct = argument instanceof SqmDistinct<?>;
            SqmExpression<?> expression = argument instanceof SqmDistinct<?> d ? d.getExpression()
                    : argument instanceof SqmExpression<?> e ? e : null;
            if (expression == null) {
                continue;
            }
            Operand operand = rules.classify(expression);
            if (operand instanceof Operand.Encrypted encrypted && distinct) {
                rules.requireDeterministic(encrypted.value(), "count(distinct)");
            }
            walkInside(operand, "count()");
        }
        if (aggregate.getFilter() != null) {
            context.within(null, null, () -> aggregate.getFilter().accept(this));
        }
        return function;
    }

    // ---------------------------------------------------------------- updates and inserts

    @Override
    public Object visitAssignment(SqmAssignment<?> assignment) {
        Operand value = rules.classify(assignment.getValue());
        rules.assign("SET", assignment.getTargetPath(), value);
        walkInside(value, "SET");
        return assignment;
    }

    @Override
    public Object visitInsertValuesStatement(SqmInsertValuesStatement<?> statement) {
        visitCteContainer(statement);
        List<SqmPath<?>> targets = statement.getInsertionTargetPaths();
        for (SqmValues row : statement.getValuesList()) {
            List<SqmExpression<?>> expressions = row.getExpressions();
            for (int i = 0; i < expressions.size(); i++) {
                Operand value = rules.classify(expressions.get(i));
                if (i < targets.size()) {
                    rules.assign("INSERT", targets.get(i), value);
                }
                walkInside(value, "INSERT");
            }
        }
        checkConflictClause(statement.getConflictClause());
        return statement;
    }

    @Override
    public Object visitInsertSelectStatement(SqmInsertSelectStatement<?> statement) {
        visitCteContainer(statement);
        List<SqmPath<?>> targets = statement.getInsertionTargetPaths();
        for (SqmQuerySpec<?> spec : WalkContext.querySpecs(statement.getSelectQueryPart())) {
            List<SqmSelectableNode<?>> selections = WalkContext.selectedNodes(spec);
            for (int i = 0; i < selections.size() && i < targets.size(); i++) {
                Operand value = rules.classify(selections.get(i));
                if (value != null) {
                    rules.assign("INSERT ... SELECT", targets.get(i), value);
                }
            }
        }
        statement.getSelectQueryPart().accept(this);
        checkConflictClause(statement.getConflictClause());
        return statement;
    }

    private void checkConflictClause(SqmConflictClause<?> conflict) {
        if (conflict != null && conflict.getConflictAction() != null) {
            visitSetClause(conflict.getConflictAction().getSetClause());
            visitWhereClause(conflict.getConflictAction().getWhereClause());
        }
    }
}
