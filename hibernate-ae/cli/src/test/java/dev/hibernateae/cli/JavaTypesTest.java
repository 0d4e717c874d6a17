package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.internal.codec.EncryptableType;
import dev.hibernateae.internal.codec.EncryptableTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --java-type} knows exactly the registry's named types, by their registry names. */
class JavaTypesTest {

    @Test
    void everyNamedRegistryTypeConvertsAndIsACompletionCandidate() {
        List<String> candidates = new ArrayList<>();
        new JavaTypes.Names().forEach(candidates::add);
        List<String> named = EncryptableTypes.all().stream().map(EncryptableType::cliName).filter(Objects::nonNull)
                .toList();
        assertEquals(named, candidates);
        for (EncryptableType entry : EncryptableTypes.all()) {
            if (entry.cliName() != null) {
                assertEquals(entry.javaType(), new JavaTypes().convert(entry.cliName()));
            }
        }
        assertEquals(LocalDate.class, new JavaTypes().convert(" DATE "));
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new JavaTypes().convert("money"));
        assertEquals("is one of " + JavaTypes.NAMES + ", got 'money'", e.getMessage());
    }
}
