/** An application module: reads hibernate-ae's exported packages only; opens its entities to Hibernate. */
module app.example {
    requires dev.hibernateae.core;

    opens app.example to org.hibernate.orm.core;
}
