package dev.hibernateae.spring.data;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Metamodel;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Adds a {@link DeclaredQueryGuard} and a {@link RepositoryQueryGuard} to every Spring Data JPA repository factory of
 * the application context, before the factory creates its repository ({@link RepositoryQueryGuards}). The session factory of a repository is the one whose metamodel manages the
 * repository's entity, so applications with several persistence units are covered.
 */
public final class RepositoryQueryGuardRegistrar implements BeanPostProcessor {
    private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

    public RepositoryQueryGuardRegistrar(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        this.entityManagerFactories = entityManagerFactories;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> factoryBean) {
            String repositoryName = factoryBean.getObjectType() == null ? beanName
                    : factoryBean.getObjectType().getSimpleName();
            factoryBean.addRepositoryFactoryCustomizer(
                    factory -> RepositoryQueryGuards.addTo(factory, this::sessionFactoryFor, repositoryName));
        }
        return bean;
    }

    private SessionFactoryImplementor sessionFactoryFor(Class<?> entityType) {
        return entityManagerFactories.orderedStream()
                .filter(factory -> manages(factory.getMetamodel(), entityType))
                .map(factory -> factory.unwrap(SessionFactoryImplementor.class))
                .findFirst().orElse(null);
    }

    private static boolean manages(Metamodel metamodel, Class<?> entityType) {
        try {
            metamodel.entity(entityType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
