package dev.hibernateae.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --java-type}: the attribute's Java type by a short name, which decides how its value is written as
 * plaintext and as a cell. The names are also the shell completion's candidates.
 */
final class JavaTypes implements ITypeConverter<Class<?>> {
    static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("string", String.class);
        BY_NAME.put("boolean", Boolean.class);
        BY_NAME.put("byte", Byte.class);
        BY_NAME.put("short", Short.class);
        BY_NAME.put("int", Integer.class);
        BY_NAME.put("long", Long.class);
        BY_NAME.put("float", Float.class);
        BY_NAME.put("double", Double.class);
        BY_NAME.put("decimal", BigDecimal.class);
        BY_NAME.put("date", LocalDate.class);
        BY_NAME.put("time", LocalTime.class);
        BY_NAME.put("timestamp", LocalDateTime.class);
        BY_NAME.put("timestamptz", OffsetDateTime.class);
        BY_NAME.put("instant", Instant.class);
        BY_NAME.put("uuid", UUID.class);
    }

    @Override
    public Class<?> convert(String name) {
        Class<?> type = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new TypeConversionException("is one of " + BY_NAME.keySet() + ", got '" + name + "'");
        }
        return type;
    }

    /** The names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(BY_NAME.keySet()).iterator();
        }
    }
}
