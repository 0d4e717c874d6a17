package dev.hibernateae.spring.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.repository.query.parser.PartTree;

/** Method names become the JPQL conditions and ordering Spring Data JPA would run, with placeholder parameters. */
class DerivedQueryJpqlTest {

    static class Address {
        String zip;
        String city;
    }

    static class Person {
        Long id;
        String ssn;
        LocalDate birthDate;
        Integer mrn;
        String lastName;
        Boolean active;
        Address address;
        Set<String> aliases;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            findBySsn                           | where (e.ssn = :p1)
            findBySsnIn                         | where (e.ssn in :p1)
            findBySsnNotIn                      | where (e.ssn not in :p1)
            existsBySsn                         | where (e.ssn = :p1)
            countBySsnNot                       | where (e.ssn <> :p1)
            deleteBySsn                         | where (e.ssn = :p1)
            findBySsnAndLastName                | where (e.ssn = :p1 and e.lastName = :p2)
            findBySsnOrMrn                      | where (e.ssn = :p1) or (e.mrn = :p2)
            findBySsnLike                       | where (e.ssn like :p1)
            findBySsnNotLike                    | where (e.ssn not like :p1)
            findBySsnStartingWith               | where (e.ssn like :p1)
            findBySsnEndingWith                 | where (e.ssn like :p1)
            findBySsnContaining                 | where (e.ssn like :p1)
            findBySsnNotContaining              | where (e.ssn not like :p1)
            findBySsnIgnoreCase                 | where (upper(e.ssn) = upper(:p1))
            findByMrnGreaterThan                | where (e.mrn > :p1)
            findByMrnLessThanEqual              | where (e.mrn <= :p1)
            findByMrnBetween                    | where (e.mrn between :p1 and :p2)
            findByBirthDateAfter                | where (e.birthDate > :p1)
            findByBirthDateBefore               | where (e.birthDate < :p1)
            findByBirthDateIsNull               | where (e.birthDate is null)
            findByBirthDateIsNotNull            | where (e.birthDate is not null)
            findByActiveTrue                    | where (e.active = true)
            findByAddressZip                    | where (e.address.zip = :p1)
            findByAddressCityLike               | where (e.address.city like :p1)
            findByAliasesContaining             | where (:p1 member of e.aliases)
            findByAliasesIsEmpty                | where (e.aliases is empty)
            findByLastNameOrderBySsn            | where (e.lastName = :p1) order by e.ssn asc
            findTop3ByOrderByBirthDateDesc      | order by e.birthDate desc
            findAllByOrderByLastNameAscMrnDesc  | order by e.lastName asc, e.mrn desc
            """)
    void rendersTheConditionsAndOrdering(String method, String expected) {
        String jpql = DerivedQueryJpql.render(new PartTree(method, Person.class), Person.class, "Person");

        assertEquals(("select e from Person e " + expected).trim(), jpql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            findByAliases                       | select e from Person e join e.aliases j1 where (j1 = :p1)
            findByAliasesIn                     | select e from Person e join e.aliases j1 where (j1 in :p1)
            """)
    void collectionValuedPathsAreJoined(String method, String expected) {
        assertEquals(expected, DerivedQueryJpql.render(new PartTree(method, Person.class), Person.class, "Person"));
    }
}
