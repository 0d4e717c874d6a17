package dev.hibernateae.spring.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @Query} strings become the JPQL Spring Data JPA hands to Hibernate. */
class DeclaredQueryJpqlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            select p from Patient p where p.ssn = :ssn              | select p from Patient p where p.ssn = :ssn
            select p from #{#entityName} p where p.mrn = ?1         | select p from Person p where p.mrn = ?1
            select p from Patient p where p.ssn like %:part%        | select p from Patient p where p.ssn like :part
            select p from Patient p where p.ssn like ?1%            | select p from Patient p where p.ssn like ?1
            select p from Patient p where p.mrn = :#{#low}          | select p from Patient p where p.mrn = :__$synthetic$__1
            select p from Patient p where p.name = :#{#entityName}  | select p from Patient p where p.name = :__$synthetic$__1
            """)
    void rendersWhatSpringDataHandsToHibernate(String declared, String expected) {
        assertEquals(Optional.of(expected), DeclaredQueryJpql.render(declared, "Person"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select p from #{#entityName + ''} p", "select p from #{'Patient'} p"})
    void otherTemplatesAreLeftToSpringData(String declared) {
        assertEquals(Optional.empty(), DeclaredQueryJpql.render(declared, "Person"));
    }
}
