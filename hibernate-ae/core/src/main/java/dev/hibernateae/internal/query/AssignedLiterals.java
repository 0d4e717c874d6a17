package dev.hibernateae.internal.query;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.orm.HibernateLine;
import dev.hibernateae.internal.orm.HqlReading;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmHqlNumericLiteral;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;

/**
 * While HQL is read: a numeric literal assigned to an encrypted numeric attribute ({@code set p.creditLimit = 0},
 * {@code insert ... values (0)}) becomes a literal of the attribute's own type and Hibernate type, converted
 * losslessly ({@link NumericLiterals}), as Hibernate would accept it for a plain attribute.
 */
final class AssignedLiterals implements HqlReading.AssignedValues {

    @Override
    public SqmExpression<?> assigned(SqmPath<?> target, SqmExpression<?> value) {
        EncryptedAttributeConverter<?> converter = EncryptedAttributeConverter.behind(target.getNodeType());
        if (converter == null || !(value instanceof SqmLiteral<?> literal)) {
            return value;
        }
        Object written = literal instanceof SqmHqlNumericLiteral<?> hql ? NumericLiterals.parse(hql)
                : literal.getLiteralValue();
        Number converted = NumericLiterals.forAttribute(written, converter.attribute());
        if (converted == null) {
            return value;
        }
        return HibernateLine.literalLike(target, converted, value.nodeBuilder());
    }
}
