package dev.hibernateae.spring;

import java.util.function.Predicate;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when Spring Boot's Hibernate support of this artifact's line is on the class path, and stops startup when
 * the application runs the other Spring Boot line: each line names its Hibernate classes differently, so the wrong
 * artifact would otherwise leave hibernate-ae unconfigured without a word (no keystore, no provider beans, no
 * repository checks).
 */
final class BootLineCondition extends SpringBootCondition {
    /** In spring-boot-autoconfigure of every Spring Boot 3, gone from Spring Boot 4. */
    static final String BOOT_3_MARKER = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ClassLoader loader = context.getClassLoader();
        return outcome(name -> ClassUtils.isPresent(name, loader), SpringBootVersion.getVersion());
    }

    /**
     * @param present whether a class of this name can be loaded
     * @param bootVersion the running Spring Boot's version, if known
     * @throws IllegalStateException when the application runs the other Spring Boot line
     */
    static ConditionOutcome outcome(Predicate<String> present, String bootVersion) {
        if (present.test(BOOT_3_MARKER) != BootLine.BOOT_3) {
            throw new IllegalStateException(BootLine.ARTIFACT + " is built for " + BootLine.NAME
                    + ", but this application runs Spring Boot " + (bootVersion != null ? bootVersion
                    : (BootLine.BOOT_3 ? "4" : "3")) + ": depend on " + BootLine.OTHER_LINE_ARTIFACTS + " instead");
        }
        if (!present.test(BootLine.HIBERNATE_PROPERTIES_CUSTOMIZER)) {
            return ConditionOutcome.noMatch(BootLine.HIBERNATE_PROPERTIES_CUSTOMIZER + " (Spring Boot's Hibernate "
                    + "support) is not on the class path");
        }
        return ConditionOutcome.match(BootLine.NAME + " with its Hibernate support");
    }
}
