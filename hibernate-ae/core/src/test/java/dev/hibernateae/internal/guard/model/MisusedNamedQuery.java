package dev.hibernateae.internal.guard.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

/** Carries a named query that cannot work on ciphertext; added to a persistence unit, startup must fail. */
@Entity
@NamedQuery(name = "Person.bySsnPrefix", query = "select p from Person p where p.ssn like :prefix")
public class MisusedNamedQuery {
    @Id
    public Long id;
}
