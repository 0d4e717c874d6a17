package dev.hibernateae.internal.query;

import dev.hibernateae.internal.search.TokenTable;
import java.util.List;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.expression.SelfRenderingExpression;

/**
 * A search rewritten into a lookup of tokens:
 * {@code (t.id in (select owner_id from t_hae_tokens where token in (?, ...)))}, on PostgreSQL
 * {@code (t.id = any(array(select owner_id ...)))}, which it plans as a lookup then a fetch by key. Exact: only rows holding a token of
 * the value match, so counts, paging and {@code exists} are right.
 *
 * <p>SQL's three-valued logic is kept: a row whose attribute is null has no tokens and must be UNKNOWN, not FALSE,
 * under {@code NOT}. A negated search renders {@code (t.id not in (...) and t.col = t.col)}; one under a
 * surrounding {@code NOT} renders {@code (t.id in (...) or t.col <> t.col)}. Both comparisons of the column with
 * itself are UNKNOWN exactly when it is null.
 */
final class TokenLookup implements SelfRenderingExpression {
    private final ColumnReference ownerKey;
    private final ColumnReference column;
    private final TokenTable table;
    private final List<TokenParameter> tokens;
    private final boolean negated;
    private final boolean underNot;

    TokenLookup(ColumnReference ownerKey, ColumnReference column, TokenTable table, List<TokenParameter> tokens,
            boolean negated, boolean underNot) {
        this.ownerKey = ownerKey;
        this.column = column;
        this.table = table;
        this.tokens = List.copyOf(tokens);
        this.negated = negated;
        this.underNot = underNot;
    }

    @Override
    public void renderToSql(SqlAppender sql, SqlAstTranslator<?> walker, SessionFactoryImplementor factory) {
        boolean arrays = factory.getJdbcServices().getDialect() instanceof PostgreSQLDialect;
        sql.append('(');
        if (arrays) {
            // PostgreSQL: the lookup runs first (an InitPlan) and the rows are fetched by key. As an IN subquery its
            // planner, which cannot tell how few rows a set of tokens holds, hash-joins the whole table instead.
            sql.append(negated ? "not (" : "");
            ownerKey.accept(walker);
            sql.append(" = any(array(");
        } else {
            ownerKey.accept(walker);
            sql.append(negated ? " not in (" : " in (");
        }
        String lookup = table.lookup(tokens.size());
        int next = 0;
        for (int i = 0; i < lookup.length(); i++) {
            char c = lookup.charAt(i);
            if (c == '?') {
                tokens.get(next++).accept(walker);
            } else {
                sql.append(c);
            }
        }
        sql.append(arrays ? (negated ? ")))" : "))") : ")");
        if (negated) {
            sql.append(" and ");
            column.accept(walker);
            sql.append('=');
            column.accept(walker);
        } else if (underNot) {
            sql.append(" or ");
            column.accept(walker);
            sql.append("<>");
            column.accept(walker);
        }
        sql.append(')');
    }

    @Override
    public JdbcMappingContainer getExpressionType() {
        return null;
    }
}
