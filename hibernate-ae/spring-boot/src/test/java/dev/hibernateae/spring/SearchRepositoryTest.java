package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.spring.app.Member;
import dev.hibernateae.spring.app.MemberRepository;
import dev.hibernateae.spring.app.RepositoryTestApplication;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Spring Data's derived searches on randomized attributes, answered by search tokens. */
@SpringBootTest(classes = RepositoryTestApplication.class)
class SearchRepositoryTest {
    @Autowired
    MemberRepository members;

    @BeforeEach
    void threeMembers() {
        members.deleteAll();
        members.saveAll(List.of(new Member("ada@example.org", "Lovelace", 36, LocalDate.of(1843, 1, 1).plusYears(100)),
                new Member("alan@example.org", "Turing", 41, LocalDate.of(1950, 10, 1)),
                new Member("grace@example.org", "Lovell_ace", 85, null)));
    }

    private static List<String> names(List<Member> found) {
        return found.stream().map(m -> m.lastName).sorted().toList();
    }

    @Test
    void derivedSearches() {
        assertEquals("Turing", members.findByEmail("alan@example.org").orElseThrow().lastName);
        assertEquals(List.of("Lovelace", "Lovell_ace"), names(members.findByEmailNot("alan@example.org")));
        assertEquals(List.of("Lovelace", "Lovell_ace"), names(members.findByLastNameStartingWithOrderByIdAsc("Lov")));
        assertEquals(List.of("Lovell_ace"), names(members.findByLastNameStartingWithOrderByIdAsc("Lovell_")),
                "Spring Data escapes the _ it binds");
        assertEquals(List.of("Lovelace", "Lovell_ace"), names(members.findByLastNameEndingWith("ace")));
        assertEquals(List.of("Turing"), names(members.findByLastNameIgnoreCase("tURING")));
        assertEquals(2, members.countByLastNameStartingWith("Lo"));
        assertEquals(1, members.findByLastNameStartingWith("Lo", PageRequest.of(1, 1, Sort.by("id")))
                .getContent().size());
        assertEquals(2, members.findByLastNameStartingWith("Lo", PageRequest.of(0, 1, Sort.by("id")))
                .getTotalElements());
        assertEquals(List.of("Turing"), names(members.findByPattern("Tur%")));
    }

    @Test
    void derivedRangeSearches() {
        assertEquals(List.of("Lovelace", "Turing"), names(members.findByAgeLessThan(42)));
        assertEquals(List.of("Lovell_ace", "Turing"), names(members.findByAgeGreaterThanEqual(41)));
        assertEquals(List.of("Lovelace", "Turing"), names(members.findByAgeBetween(36, 41)));
        assertEquals(List.of("Lovelace"), names(members.findByJoinedBefore(LocalDate.of(1950, 10, 1))));
        assertEquals(List.of("Turing"), names(members.findByJoinedAfter(LocalDate.of(1943, 1, 1))));
    }

    @Test
    void aSearchTokensCannotAnswerIsRefusedWhenItRuns() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> members.findByPattern("%uri%"));
        assertEquals(UnsupportedEncryptedQueryException.class, refused.getCause().getClass(), refused.toString());
    }
}
