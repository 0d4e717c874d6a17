package dev.hibernateae.internal.guard.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

/** Carries a named query Hibernate accepts but ciphertext cannot answer; added to a unit, startup must fail. */
@Entity
@NamedQuery(name = "Person.orderedBySsn", query = "select p from Person p order by p.ssn")
public class MisorderedNamedQuery {
    @Id
    public Long id;
}
