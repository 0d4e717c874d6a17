package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.Encrypted;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.codec.PlaintextCodecs;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.orm.ConverterDescriptorAdapter;
import dev.hibernateae.internal.orm.ImplicitJavaType;
import jakarta.persistence.EnumType;
import java.lang.reflect.Type;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;
import org.hibernate.type.descriptor.java.MutabilityPlan;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Called by Hibernate for every {@code @Encrypted} attribute while the mapping is built: chooses the codec from the
 * attribute's type and column settings, sets a per-attribute converter on the value, and sizes the column for the
 * largest cell.
 */
public final class EncryptedAttributeBinder implements AttributeBinder<Encrypted> {
    private static final long DEFAULT_STRING_LENGTH = 255;

    @Override
    public void bind(Encrypted annotation, MetadataBuildingContext context, PersistentClass entity, Property property) {
        String role = entity.getEntityName() + "." + property.getName();
        if (annotation.key() == null || annotation.key().isBlank()) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + " names no key; set key = \"<column "
                    + "encryption key name>\"");
        }
        EncryptionRuntime runtime = context.getBootstrapContext().getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + ": hibernate-ae's service is not registered; "
                    + "is META-INF/services/org.hibernate.service.spi.ServiceContributor of hibernate-ae-core on the "
                    + "class path (a shaded jar must merge service files)?");
        }

        Value value = property.getValue();
        Collection collection = value instanceof Collection c ? c : null;
        boolean element = collection != null;
        if (element) {
            value = collection.getElement();
        }
        if (!(value instanceof BasicValue original)) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + ": only basic attributes and element "
                    + "collections of basic values can be encrypted; encrypt the fields of an embeddable instead");
        }
        BasicValue basic = original;
        if (basic.getResolution() != null) {
            // Binders run in a second pass, by which time an element collection's value may already be resolved
            // (typed as plaintext); it is resolved again, with the converter, when Hibernate next asks.
            ResolvedValueReset.unresolve(basic, role);
        }

        Class<?> javaType = javaType(basic, context, role);
        Column column = singleColumn(basic, role);
        CodecOptions options = options(annotation, basic, column, javaType, role);
        PlaintextCodec<?> codec;
        try {
            codec = PlaintextCodecs.forType(javaType, options);
        } catch (AlwaysEncryptedException e) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + ": " + e.getMessage(), e);
        }
        int cellLength = CellCipher.cellLength(codec.maxEncodedLength());
        EncryptedAttributeConverter<?> converter = converter(role, javaType, annotation, codec, options, runtime,
                element, cellLength);

        basic.setJpaAttributeConverterDescriptor(
                ConverterDescriptorAdapter.forHibernate(new EncryptedConverterDescriptor<>(converter)));
        basic.setExplicitMutabilityPlanAccess(types -> mutabilityPlan(converter, types));
        column.setLength((long) cellLength);
        column.setPrecision(null);
        column.setScale(null);
        column.setTemporalPrecision(null);
        runtime.register(converter);
        SearchOptions searches = runtime.takeSearch(basic);
        if (searches != null) {
            converter.search(searches);
        }
        if (runtime.unreadableAsNull() && !element) {
            // Only changed columns are written, so ciphertext loaded as null (key unavailable) is never overwritten.
            entity.setDynamicUpdate(true);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EncryptedAttributeConverter<?> converter(String role, Class<?> javaType, Encrypted annotation,
            PlaintextCodec<?> codec, CodecOptions options, EncryptionRuntime runtime, boolean element, int cellLength) {
        EncryptedAttribute attribute = new EncryptedAttribute(role, null, null, annotation.key(), annotation.type(),
                boxed(javaType, codec), codec, options, element, cellLength, java.util.List.of());
        return new EncryptedAttributeConverter(attribute, runtime);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MutabilityPlan<?> mutabilityPlan(EncryptedAttributeConverter converter, TypeConfiguration types) {
        MutabilityPlan domainPlan = types.getJavaTypeRegistry().getDescriptor(converter.attribute().javaType())
                .getMutabilityPlan();
        return new CiphertextMutabilityPlan(converter, domainPlan);
    }

    private static Class<?> boxed(Class<?> javaType, PlaintextCodec<?> codec) {
        return javaType.isPrimitive() ? codec.javaType() : javaType;
    }

    private static Class<?> javaType(BasicValue basic, MetadataBuildingContext context, String role) {
        Type type = ImplicitJavaType.of(basic, context.getMetadataCollector().getTypeConfiguration());
        if (type instanceof Class<?> c) {
            return c;
        }
        throw new AlwaysEncryptedException("@Encrypted on " + role + ": cannot tell the attribute's Java type ("
                + type + "); encrypted attributes must have a plain, non-generic type");
    }

    private static Column singleColumn(BasicValue basic, String role) {
        if (basic.getColumns().size() != 1 || basic.getSelectables().size() != 1) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + ": the attribute must map to exactly one "
                    + "column (not a formula)");
        }
        return basic.getColumns().get(0);
    }

    private static CodecOptions options(Encrypted annotation, BasicValue basic, Column column, Class<?> javaType,
            String role) {
        CodecOptions options = CodecOptions.DEFAULTS.withStringEncoding(annotation.stringEncoding());
        if (javaType == String.class || javaType == byte[].class) {
            Long length = column.getLength();
            options = options.withLength((int) Math.min(Integer.MAX_VALUE / 4,
                    length == null ? DEFAULT_STRING_LENGTH : length));
        }
        if (javaType == java.math.BigDecimal.class) {
            Integer precision = column.getPrecision();
            Integer scale = column.getScale();
            try {
                options = options.withDecimal(precision == null ? 38 : precision, scale == null ? 2 : scale);
            } catch (IllegalArgumentException e) {
                throw new AlwaysEncryptedException("@Encrypted on " + role + ": " + e.getMessage()
                        + "; fix @Column(precision, scale)");
            }
        }
        Integer secondPrecision = column.getTemporalPrecision();
        if (secondPrecision != null && secondPrecision >= 0) {
            if (secondPrecision > 7) {
                throw new AlwaysEncryptedException("@Encrypted on " + role + ": fractional seconds precision "
                        + secondPrecision + " is finer than SQL Server's 100 ns (7 digits); use @Column(secondPrecision"
                        + " = 7) or less");
            }
            options = options.withFractionalSeconds(secondPrecision);
        }
        if (basic.getEnumerationStyle() == EnumType.ORDINAL) {
            options = options.withEnumMapping(CodecOptions.EnumMapping.ORDINAL);
        }
        return options;
    }
}
