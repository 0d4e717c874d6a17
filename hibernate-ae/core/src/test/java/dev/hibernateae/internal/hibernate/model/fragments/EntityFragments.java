package dev.hibernateae.internal.hibernate.model.fragments;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DiscriminatorFormula;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.SqlFragmentAlias;

/** Entities whose own SQL annotations name their encrypted column {@code ssn}: each must refuse to start. */
public final class EntityFragments {
    private EntityFragments() {
    }

    @Entity(name = "RestrictedPatient")
    @Table(name = "frag_restricted_patient")
    @SQLRestriction("ssn <> '000-00-0000'")
    public static class RestrictedPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;
    }

    @Entity(name = "FilteredPatient")
    @Table(name = "frag_filtered_patient")
    @FilterDef(name = "patientBySsn", parameters = @ParamDef(name = "ssn", type = String.class))
    @Filter(name = "patientBySsn", condition = "{alias}.ssn = :ssn", deduceAliasInjectionPoints = false)
    public static class FilteredPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;
    }

    /** Its filter reaches {@link Resident}'s table through an alias of its own. */
    @Entity(name = "AliasFilteredOffice")
    @Table(name = "frag_alias_filtered_office")
    @FilterDef(name = "officeByResidentSsn", parameters = @ParamDef(name = "ssn", type = String.class))
    @Filter(name = "officeByResidentSsn", condition = "exists (select 1 from frag_resident {r} where {r}.ssn = :ssn)",
            deduceAliasInjectionPoints = false, aliases = @SqlFragmentAlias(alias = "r", table = "frag_resident"))
    public static class AliasFilteredOffice {
        @Id
        @GeneratedValue
        public Long id;

        public String name;
    }

    @Entity(name = "DefaultFilteredPatient")
    @Table(name = "frag_default_filtered_patient")
    @FilterDef(name = "patientBySsnByDefault", defaultCondition = "SSN = :ssn",
            parameters = @ParamDef(name = "ssn", type = String.class))
    @Filter(name = "patientBySsnByDefault")
    public static class DefaultFilteredPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;
    }

    @Entity(name = "FormulaPatient")
    @Table(name = "frag_formula_patient")
    public static class FormulaPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;

        @Formula("length(ssn)")
        public Integer ssnLength;
    }

    @Entity(name = "JoinFormulaPatient")
    @Table(name = "frag_join_formula_patient")
    public static class JoinFormulaPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;

        @ManyToOne
        @JoinFormula("(select min(r.id) from frag_resident r where r.ssn = ssn)")
        public Resident sameSsn;
    }

    @Entity(name = "DiscriminatedPatient")
    @Table(name = "frag_discriminated_patient")
    @DiscriminatorFormula("case when ssn is null then 'P' else 'C' end")
    @DiscriminatorValue("P")
    public static class DiscriminatedPatient {
        @Id
        @GeneratedValue
        public Long id;

        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "ssn", length = 11)
        public String ssn;
    }

    @Entity(name = "DiscriminatedChild")
    @DiscriminatorValue("C")
    public static class DiscriminatedChild extends DiscriminatedPatient {
        public String school;
    }
}
