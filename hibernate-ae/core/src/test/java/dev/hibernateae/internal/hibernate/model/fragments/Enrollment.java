package dev.hibernateae.internal.hibernate.model.fragments;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity over the join table of {@link CollectionFragments.RestrictedCourse}'s many-to-many, so the join table
 * has an encrypted column ({@link #grade}) that {@code @SQLJoinTableRestriction} or {@code @FilterJoinTable} can
 * name.
 */
@Entity
@Table(name = "frag_enrollment")
public class Enrollment {
    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "resident_id")
    public Long residentId;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "grade", length = 2)
    public String grade;
}
