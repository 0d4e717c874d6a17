package dev.hibernateae.internal.hibernate.model.fragments;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLOrder;
import org.hibernate.annotations.SQLRestriction;

/**
 * The same annotations on plain columns of entities that also have encrypted ones: each must start and work.
 */
public final class PlainFragments {
    private PlainFragments() {
    }

    /** Ordered by {@link Resident#lastName} (plain), next to its encrypted {@code ssn}. */
    @Entity(name = "PlainOrderedWard")
    @Table(name = "frag_plain_ordered_ward")
    public static class PlainOrderedWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "plain_ordered_ward_id")
        @OrderBy("lastName desc")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "PlainSqlOrderedWard")
    @Table(name = "frag_plain_sql_ordered_ward")
    public static class PlainSqlOrderedWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "plain_sql_ordered_ward_id")
        @SQLOrder("last_name")
        public List<Resident> residents = new ArrayList<>();
    }

    /**
     * Filtered by its plain {@code last_name}; the second filter's parameter is called {@code ssn} like the
     * encrypted column, which a parameter name is not.
     */
    @Entity(name = "Tenant")
    @Table(name = "frag_tenant")
    @FilterDef(name = "tenantByLastName", parameters = @ParamDef(name = "lastName", type = String.class))
    @FilterDef(name = "tenantByParameterSsn", parameters = @ParamDef(name = "ssn", type = String.class))
    @Filter(name = "tenantByLastName", condition = "{alias}.last_name = :lastName",
            deduceAliasInjectionPoints = false)
    @Filter(name = "tenantByParameterSsn", condition = "last_name = :ssn")
    public static class Tenant {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;

        @Column(name = "last_name")
        public String lastName;

        @Formula("upper(last_name)")
        public String upperLastName;

        public Tenant() {
        }

        public Tenant(String ssn, String lastName) {
            this.ssn = ssn;
            this.lastName = lastName;
        }
    }

    /** Its restriction holds the word ssn only inside a string literal. */
    @Entity(name = "LiteralRestrictedTenant")
    @Table(name = "frag_literal_restricted_tenant")
    @SQLRestriction("kind <> 'ssn' /* ssn is encrypted */")
    public static class LiteralRestrictedTenant {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;

        public String kind;

        public LiteralRestrictedTenant() {
        }

        public LiteralRestrictedTenant(String ssn, String kind) {
            this.ssn = ssn;
            this.kind = kind;
        }
    }

    /** A plain column named {@code ssn} in its own table: {@link Resident}'s encrypted {@code ssn} is elsewhere. */
    @Entity(name = "PlainSsnHolder")
    @Table(name = "frag_plain_ssn_holder")
    @SQLRestriction("ssn is not null")
    public static class PlainSsnHolder {
        @Id
        @GeneratedValue
        public Long id;

        @Column(name = "ssn")
        public String ssn;
    }

    /**
     * {@link #secret} is encrypted in a column called {@code code}, and {@link #code} is a plain attribute: JPA
     * {@code @OrderBy("code")} names the attribute, as Hibernate resolves it, not the column.
     */
    @Entity(name = "Voucher")
    @Table(name = "frag_voucher")
    public static class Voucher {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "code", length = 20)
        public String secret;

        @Column(name = "code_plain")
        public String code;
    }

    @Entity(name = "VoucherBook")
    @Table(name = "frag_voucher_book")
    public static class VoucherBook {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "voucher_book_id")
        @OrderBy("code")
        public List<Voucher> vouchers = new ArrayList<>();
    }

    @Embeddable
    public static class Place {
        public String city;
        public String street;

        public Place() {
        }

        public Place(String city, String street) {
            this.city = city;
            this.street = street;
        }
    }

    /** Encrypted aliases and plain places, the places ordered by city. */
    @Entity(name = "Traveller")
    @Table(name = "frag_traveller")
    public static class Traveller {
        @Id
        @GeneratedValue
        public Long id;

        @ElementCollection
        @CollectionTable(name = "frag_traveller_alias")
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "alias", length = 40)
        public List<String> aliases = new ArrayList<>();

        @ElementCollection
        @CollectionTable(name = "frag_traveller_place")
        @OrderBy("city desc")
        public List<Place> places = new ArrayList<>();
    }
}
