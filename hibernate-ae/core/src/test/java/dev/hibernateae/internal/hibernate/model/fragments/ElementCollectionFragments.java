package dev.hibernateae.internal.hibernate.model.fragments;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLOrder;
import org.hibernate.annotations.SQLRestriction;

/**
 * Element collections whose annotations sort or filter by their encrypted element ({@code alias}): each must refuse
 * to start. (An embeddable element cannot hold an encrypted attribute: Hibernate fails binding it.)
 */
public final class ElementCollectionFragments {
    private ElementCollectionFragments() {
    }

    @Entity(name = "AliasOrderedPerson")
    @Table(name = "frag_alias_ordered_person")
    public static class AliasOrderedPerson {
        @Id
        @GeneratedValue
        public Long id;

        @ElementCollection
        @CollectionTable(name = "frag_alias_ordered")
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "alias", length = 40)
        @OrderBy
        public List<String> aliases = new ArrayList<>();
    }

    @Entity(name = "AliasSqlOrderedPerson")
    @Table(name = "frag_alias_sql_ordered_person")
    public static class AliasSqlOrderedPerson {
        @Id
        @GeneratedValue
        public Long id;

        @ElementCollection
        @CollectionTable(name = "frag_alias_sql_ordered")
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "alias", length = 40)
        @SQLOrder("alias")
        public List<String> aliases = new ArrayList<>();
    }

    @Entity(name = "AliasRestrictedPerson")
    @Table(name = "frag_alias_restricted_person")
    public static class AliasRestrictedPerson {
        @Id
        @GeneratedValue
        public Long id;

        @ElementCollection
        @CollectionTable(name = "frag_alias_restricted")
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "alias", length = 40)
        @SQLRestriction("alias <> 'unknown'")
        public List<String> aliases = new ArrayList<>();
    }

    @Entity(name = "AliasFilteredPerson")
    @Table(name = "frag_alias_filtered_person")
    @FilterDef(name = "aliasIs", parameters = @ParamDef(name = "alias", type = String.class))
    public static class AliasFilteredPerson {
        @Id
        @GeneratedValue
        public Long id;

        @ElementCollection
        @CollectionTable(name = "frag_alias_filtered")
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @Column(name = "alias", length = 40)
        @Filter(name = "aliasIs", condition = "alias = :alias")
        public List<String> aliases = new ArrayList<>();
    }
}
