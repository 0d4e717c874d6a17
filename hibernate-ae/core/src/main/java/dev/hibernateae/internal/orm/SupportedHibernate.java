package dev.hibernateae.internal.orm;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Version;

/**
 * The Hibernate ORM release lines this build of hibernate-ae was checked against: the core's whole test suite passes
 * on the latest release of each (the {@code hibernate-lines} modules and {@code core-hibernate6} run it). Its uses of
 * Hibernate's internals ({@link OrmInternals}, {@link HqlOperationReplay}, {@link HibernateLine}) and the query stage's
 * extension of Hibernate's translator follow those lines; on another one they might fail, or let a query bypass the
 * guard, so the application does not start.
 *
 * <p>One source tree is built twice: {@value #CORE} for Hibernate 7.x and {@value #CORE_HIBERNATE6} for Hibernate
 * 6.6, whose SPI the core implements with other signatures. On a Hibernate line the other artifact supports, the
 * message names that artifact.
 */
public final class SupportedHibernate {
    /** The artifact for Hibernate 7.x. */
    static final String CORE = "hibernate-ae-core";
    /** The artifact for Hibernate 6.6. */
    static final String CORE_HIBERNATE6 = "hibernate-ae-core-hibernate6";

    /** The supported major.minor lines of each artifact, oldest first. */
    static final Map<String, List<String>> LINES_BY_ARTIFACT = Map.of(
            CORE, List.of("7.0", "7.1", "7.2", "7.3", "7.4"),
            CORE_HIBERNATE6, List.of("6.6"));

    /** The supported major.minor lines of the artifact on the class path, oldest first. */
    static final List<String> LINES = LINES_BY_ARTIFACT.get(HibernateLine.ARTIFACT);

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

    private SupportedHibernate() {
    }

    /** @throws AlwaysEncryptedException if the Hibernate ORM on the class path is outside the supported lines */
    public static void require() {
        require(Version.getVersionString(), HibernateLine.ARTIFACT);
    }

    static void require(String version) {
        require(version, HibernateLine.ARTIFACT);
    }

    /** The check {@link #require()} makes, for the Hibernate {@code version} and the hibernate-ae {@code artifact}. */
    static void require(String version, String artifact) {
        if (supports(version, artifact)) {
            return;
        }
        String lines = listed(LINES_BY_ARTIFACT.get(artifact));
        String other = LINES_BY_ARTIFACT.keySet().stream().filter(a -> !a.equals(artifact) && supports(version, a))
                .findFirst().orElse(null);
        if (other != null) {
            throw new AlwaysEncryptedException(artifact + " supports Hibernate ORM " + lines + ", but the class path "
                    + "has Hibernate ORM " + version + ". For Hibernate ORM " + listed(LINES_BY_ARTIFACT.get(other))
                    + " depend on dev.hibernateae:" + other + " instead of dev.hibernateae:" + artifact + " (the two "
                    + "are alternatives: keep only one on the class path)");
        }
        throw new AlwaysEncryptedException("hibernate-ae supports Hibernate ORM " + lines + ", but the class path "
                + "has Hibernate ORM " + version + ". Depend on a Hibernate ORM " + lines + " release (check "
                + "which version your framework's dependency management chooses), or use a hibernate-ae release "
                + "that supports your Hibernate version");
    }

    static boolean supports(String version) {
        return supports(version, HibernateLine.ARTIFACT);
    }

    /** Whether {@code artifact} supports the Hibernate ORM {@code version}. */
    static boolean supports(String version, String artifact) {
        Matcher matcher = version == null ? null : MAJOR_MINOR.matcher(version.trim());
        return matcher != null && matcher.matches() && LINES_BY_ARTIFACT.get(artifact)
                .contains(Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2)));
    }

    private static String listed(List<String> lines) {
        if (lines.size() == 1) {
            return lines.get(0) + ".x";
        }
        return String.join(".x, ", lines.subList(0, lines.size() - 1)) + ".x or " + lines.get(lines.size() - 1)
                + ".x";
    }
}
