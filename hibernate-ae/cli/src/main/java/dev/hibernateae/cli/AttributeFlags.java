package dev.hibernateae.cli;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.PlaintextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code encrypt-column} and {@code decrypt-column} must know of the {@code @Encrypted} attribute (a picocli
 * mixin), so that they write exactly the cells or plaintext the application writes. {@code decrypt-column --forget}
 * needs none of it, so picocli cannot require these options: {@link #keyName()} and {@link #columns} do.
 */
final class AttributeFlags {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--key", paramLabel = "NAME", description = "the key name of the attributes (@Encrypted(key = ...))")
    String keyName;

    @Option(names = "--type", paramLabel = "TYPE", completionCandidates = EncryptionTypes.class,
            description = "deterministic or randomized (@Encrypted(type = ...))")
    EncryptionType type;

    // Not TYPE too: the completion script names its candidate lists after the labels.
    @Option(names = "--java-type", paramLabel = "JAVA_TYPE", converter = JavaTypes.class,
            completionCandidates = JavaTypes.Names.class, description = "the attribute's Java type: "
                    + "${COMPLETION-CANDIDATES}")
    Class<?> javaType;

    @Option(names = "--length", paramLabel = "N", defaultValue = "255", description = "string attributes: "
            + "@Column(length) (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "38", description = "decimal attributes: "
            + "@Column(precision) (default ${DEFAULT-VALUE})")
    int precision;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2", description = "decimal attributes: "
            + "@Column(scale) (default ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--fractional-seconds", paramLabel = "N", defaultValue = "7", description = "time/timestamp "
            + "attributes: second digits kept, 0..7 (default ${DEFAULT-VALUE})")
    int fractionalSeconds;

    @Option(names = "--string-encoding", paramLabel = "ENCODING", converter = StringEncodings.class,
            description = "utf-16le (default) or utf-8 (@Encrypted(stringEncoding = ...))")
    StringEncoding stringEncoding;

    String keyName() {
        return required(keyName, "--key");
    }

    /** The columns as the attribute writes them. */
    List<PlaintextColumn> columns(List<ColumnRef> refs) {
        List<PlaintextColumn> columns = new ArrayList<>();
        for (ColumnRef ref : refs) {
            PlaintextColumn column = PlaintextColumn.of(ref, required(type, "--type"),
                    required(javaType, "--java-type"))
                    .withLength(length)
                    .withDecimal(precision, scale)
                    .withFractionalSeconds(fractionalSeconds);
            columns.add(stringEncoding == null ? column : column.withStringEncoding(stringEncoding));
        }
        return columns;
    }

    private <T> T required(T value, String option) {
        if (value == null || value.toString().isBlank()) {
            throw new ParameterException(command.commandLine(), "Option " + option + " is required");
        }
        return value;
    }

    /** The completion's candidates for {@code --type}, as people type them (any case is accepted). */
    static final class EncryptionTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EncryptionType.values()).map(type -> type.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /** {@code utf-16le} or {@code utf-8}, in any case, with {@code _} for {@code -}. */
    static final class StringEncodings implements ITypeConverter<StringEncoding> {
        @Override
        public StringEncoding convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "utf-16le" -> StringEncoding.UTF_16LE;
                case "utf-8" -> StringEncoding.UTF_8;
                default -> throw new TypeConversionException("is utf-16le or utf-8, got '" + value + "'");
            };
        }
    }
}
