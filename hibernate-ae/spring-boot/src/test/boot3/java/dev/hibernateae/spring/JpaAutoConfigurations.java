package dev.hibernateae.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;

/**
 * Spring Boot 3.5's data source, Hibernate JPA and Spring Data JPA auto-configurations, for the tests of both lines.
 */
public final class JpaAutoConfigurations {
    private JpaAutoConfigurations() {
    }

    /** @return the data source and Hibernate JPA auto-configurations, then {@code more} */
    public static AutoConfigurations jpa(Class<?>... more) {
        return of(List.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class), more);
    }

    /** @return {@link #jpa} with Spring Data JPA's repositories, then {@code more} */
    public static AutoConfigurations jpaRepositories(Class<?>... more) {
        return of(List.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                JpaRepositoriesAutoConfiguration.class), more);
    }

    private static AutoConfigurations of(List<Class<?>> first, Class<?>... more) {
        List<Class<?>> classes = new ArrayList<>(first);
        classes.addAll(List.of(more));
        return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
    }
}
