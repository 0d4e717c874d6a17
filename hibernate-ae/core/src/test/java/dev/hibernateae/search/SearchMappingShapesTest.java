package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.RangeSearch;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Searchable attributes in an embeddable, in a joined subclass's own table, and on an entity reached by cascade and
 * by a join: tokens are written for each, in the token table of the attribute's own table, and found by queries
 * through paths and joins.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SearchMappingShapesTest extends PerDatabaseScenarios {

    @Embeddable
    public static class Postal {
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @PrefixSearch(minLength = 2, maxLength = 5)
        public String zip;
    }

    @Entity(name = "Account")
    @Table(name = "account")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Account {
        @Id
        @GeneratedValue
        public Long id;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @EqualitySearch
        public String number;
        @Embedded
        public Postal postal = new Postal();
    }

    @Entity(name = "Savings")
    @Table(name = "savings")
    public static class Savings extends Account {
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @RangeSearch(min = "0", max = "1000000")
        public Integer balance;
    }

    @Entity(name = "Holder")
    @Table(name = "holder")
    public static class Holder {
        @Id
        @GeneratedValue
        public Long id;
        @ManyToOne(cascade = CascadeType.ALL)
        public Account account;
    }

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Account.class, Savings.class, Holder.class};
    }

    @Test
    void embeddedJoinedSubclassCascadeAndJoin() {
        Long[] ids = sessionFactory.fromTransaction(s -> {
            Savings savings = new Savings();
            savings.number = "ACC-1";
            savings.postal.zip = "90210";
            savings.balance = 500;
            Holder holder = new Holder();
            holder.account = savings;
            s.persist(holder); // the account by cascade
            Account plain = new Account();
            plain.number = "ACC-2";
            plain.postal.zip = "10001";
            s.persist(plain);
            return new Long[] {holder.id, savings.id, plain.id};
        });
        assertEquals(List.of(ids[1]), sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select a.id from Account a where a.postal.zip like :z", Long.class).setParameter("z", "902%")
                .getResultList()));
        assertEquals(List.of(ids[1]), sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select s.id from Savings s where s.balance between 100 and 600 and s.number = :n", Long.class)
                .setParameter("n", "ACC-1").getResultList()));
        assertEquals(List.of(ids[0]), sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select h.id from Holder h join h.account a where a.number = :n", Long.class)
                .setParameter("n", "ACC-1").getResultList()));
        assertEquals(List.of(ids[0]), sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select h.id from Holder h where treat(h.account as Savings).balance > 499", Long.class)
                .getResultList()));
        sessionFactory.inTransaction(s -> s.find(Account.class, ids[2]).postal.zip = "90299");
        assertEquals(List.of(ids[1], ids[2]), sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select a.id from Account a where a.postal.zip like '902%' order by a.id", Long.class)
                .getResultList()));
    }
}
