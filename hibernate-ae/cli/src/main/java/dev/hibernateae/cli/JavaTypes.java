package dev.hibernateae.cli;

import dev.hibernateae.internal.codec.EncryptableType;
import dev.hibernateae.internal.codec.EncryptableTypes;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --java-type}: the attribute's Java type by a short name, which decides how its value is written as
 * plaintext and as a cell. The names are those of {@link EncryptableTypes} (the types with a text form that a name
 * can stand for); they are also the shell completion's candidates.
 */
final class JavaTypes implements ITypeConverter<Class<?>> {
    static final List<String> NAMES = EncryptableTypes.all().stream().map(EncryptableType::cliName)
            .filter(Objects::nonNull).toList();

    @Override
    public Class<?> convert(String name) {
        return EncryptableTypes.named(name).map(EncryptableType::javaType)
                .orElseThrow(() -> new TypeConversionException("is one of " + NAMES + ", got '" + name + "'"));
    }

    /** The names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
