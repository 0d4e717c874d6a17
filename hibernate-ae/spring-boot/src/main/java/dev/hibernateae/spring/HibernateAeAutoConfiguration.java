package dev.hibernateae.spring;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import dev.hibernateae.spring.actuate.HibernateAeHealthConfiguration;
import dev.hibernateae.spring.actuate.HibernateAeMetricsConfiguration;
import dev.hibernateae.spring.azure.AzureKeyVaultProviderConfiguration;
import dev.hibernateae.spring.dao.ExceptionTranslationConfiguration;
import dev.hibernateae.spring.data.RepositoryQueryGuardConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of hibernate-ae for Spring Boot's Hibernate JPA support:
 * <ul>
 *   <li>{@code hibernate-ae.*} properties become {@code hibernate.ae.*} Hibernate settings
 *       ({@code spring.jpa.properties.hibernate.ae.*} works as well);</li>
 *   <li>{@link ColumnMasterKeyProvider} beans are registered with Hibernate, and a {@code TokenCredential} bean
 *       turns on the Azure Key Vault provider when its module is present;</li>
 *   <li>Spring Data JPA repository query methods that cannot work on encrypted attributes stop startup;</li>
 *   <li>hibernate-ae's exceptions become Spring {@code DataAccessException}s in repositories and
 *       {@code @Repository} beans;</li>
 *   <li>with {@code hibernate-ae.provisioning.enabled=true} (development only), the keys listed under
 *       {@code hibernate-ae.provisioning.*} are created at startup when missing, and checked when present.</li>
 *   <li>with Actuator, a {@code hibernateAe} health indicator reports key store reachability and the key cache, and
 *       with Micrometer, the key ring's unwraps, cache hits and misses, key store latency and failures are meters
 *       ({@code dev.hibernateae.spring.actuate});</li>
 *   <li>{@code KeyRingListener} beans hear what the key ring does.</li>
 * </ul>
 * The settings reach Hibernate through Spring Boot's {@code HibernatePropertiesCustomizer}; an application that
 * builds its own {@code EntityManagerFactory} passes them itself.
 *
 * <p>Built for one Spring Boot line: on the other, startup stops with a message that names the artifacts to use.
 */
@AutoConfiguration(beforeName = BootLine.HIBERNATE_JPA_AUTO_CONFIGURATION)
@ConditionalOnClass(Encrypted.class)
@Conditional(BootLineCondition.class)
@EnableConfigurationProperties(HibernateAeProperties.class)
@Import({AzureKeyVaultProviderConfiguration.class, RepositoryQueryGuardConfiguration.class,
        ExceptionTranslationConfiguration.class, HibernateAeHealthConfiguration.class,
        HibernateAeMetricsConfiguration.class})
public class HibernateAeAutoConfiguration {

    @Bean
    EncryptionSettingsCustomizer hibernateAeSettingsCustomizer(HibernateAeProperties properties,
            ObjectProvider<ColumnMasterKeyProvider> providers, ObjectProvider<KeyRingListener> listeners) {
        return new EncryptionSettingsCustomizer(properties, providers.orderedStream().toList(),
                listeners.orderedStream().toList());
    }

    /**
     * Development provisioning of keys, off unless {@code hibernate-ae.provisioning.enabled=true}. A post-processor
     * (static, bound straight from the environment, as post-processors are created before other beans) so that it
     * runs as the entity manager factory is made, before any bean receives it.
     */
    @Bean
    @ConditionalOnBooleanProperty(HibernateAeProperties.PREFIX + ".provisioning.enabled")
    static KeyProvisioning hibernateAeKeyProvisioning(Environment environment) {
        return new KeyProvisioning(Binder.get(environment).bindOrCreate(HibernateAeProperties.PREFIX + ".provisioning",
                HibernateAeProperties.Provisioning.class));
    }
}
