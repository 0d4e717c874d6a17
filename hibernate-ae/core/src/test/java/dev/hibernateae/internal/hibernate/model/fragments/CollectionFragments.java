package dev.hibernateae.internal.hibernate.model.fragments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.FilterJoinTable;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLJoinTableRestriction;
import org.hibernate.annotations.SQLOrder;
import org.hibernate.annotations.SQLRestriction;

/**
 * Collections of {@link Resident}s whose annotations sort or filter by its encrypted {@code ssn}, and many-to-manys
 * whose join table ({@link Enrollment}'s table) has the encrypted column {@code grade}: each must refuse to start.
 */
public final class CollectionFragments {
    private CollectionFragments() {
    }

    @Entity(name = "OrderedWard")
    @Table(name = "frag_ordered_ward")
    public static class OrderedWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "ordered_ward_id")
        @OrderBy("ssn")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "SqlOrderedWard")
    @Table(name = "frag_sql_ordered_ward")
    public static class SqlOrderedWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "sql_ordered_ward_id")
        @SQLOrder("last_name, SSN desc")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "RestrictedWard")
    @Table(name = "frag_restricted_ward")
    public static class RestrictedWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "restricted_ward_id")
        @SQLRestriction("ssn like '1%'")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "FilteredWard")
    @Table(name = "frag_filtered_ward")
    @FilterDef(name = "residentBySsn", parameters = @ParamDef(name = "ssn", type = String.class))
    public static class FilteredWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "filtered_ward_id")
        @Filter(name = "residentBySsn", condition = "ssn = :ssn")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "DefaultFilteredWard")
    @Table(name = "frag_default_filtered_ward")
    @FilterDef(name = "residentBySsnByDefault", defaultCondition = "ssn = :ssn",
            parameters = @ParamDef(name = "ssn", type = String.class))
    public static class DefaultFilteredWard {
        @Id
        @GeneratedValue
        public Long id;

        @OneToMany
        @JoinColumn(name = "default_filtered_ward_id")
        @Filter(name = "residentBySsnByDefault")
        public List<Resident> residents = new ArrayList<>();
    }

    @Entity(name = "OrderedClub")
    @Table(name = "frag_ordered_club")
    public static class OrderedClub {
        @Id
        @GeneratedValue
        public Long id;

        @ManyToMany
        @JoinTable(name = "frag_ordered_club_member")
        @OrderBy("ssn desc")
        public List<Resident> members = new ArrayList<>();
    }

    @Entity(name = "RestrictedClub")
    @Table(name = "frag_restricted_club")
    public static class RestrictedClub {
        @Id
        @GeneratedValue
        public Long id;

        @ManyToMany
        @JoinTable(name = "frag_restricted_club_member")
        @SQLRestriction("ssn is not null")
        public List<Resident> members = new ArrayList<>();
    }

    @Entity(name = "FilteredClub")
    @Table(name = "frag_filtered_club")
    @FilterDef(name = "memberBySsn", parameters = @ParamDef(name = "ssn", type = String.class))
    public static class FilteredClub {
        @Id
        @GeneratedValue
        public Long id;

        @ManyToMany
        @JoinTable(name = "frag_filtered_club_member")
        @Filter(name = "memberBySsn", condition = "ssn = :ssn")
        public List<Resident> members = new ArrayList<>();
    }

    @Entity(name = "RestrictedCourse")
    @Table(name = "frag_restricted_course")
    public static class RestrictedCourse {
        @Id
        @GeneratedValue
        public Long id;

        @ManyToMany
        @JoinTable(name = "frag_enrollment", joinColumns = @JoinColumn(name = "course_id"),
                inverseJoinColumns = @JoinColumn(name = "resident_id"))
        @SQLJoinTableRestriction("grade is not null")
        public List<Resident> students = new ArrayList<>();
    }

    @Entity(name = "FilteredCourse")
    @Table(name = "frag_filtered_course")
    @FilterDef(name = "enrollmentByGrade", parameters = @ParamDef(name = "grade", type = String.class))
    public static class FilteredCourse {
        @Id
        @GeneratedValue
        public Long id;

        @ManyToMany
        @JoinTable(name = "frag_enrollment", joinColumns = @JoinColumn(name = "course_id"),
                inverseJoinColumns = @JoinColumn(name = "resident_id"))
        @FilterJoinTable(name = "enrollmentByGrade", condition = "grade = :grade")
        public List<Resident> students = new ArrayList<>();
    }
}
