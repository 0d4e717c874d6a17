package dev.hibernateae.internal.orm;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Version;

/**
 * The Hibernate ORM release lines this build of hibernate-ae was checked against: the core's whole test suite passes
 * on the latest release of each (the {@code hibernate-lines} modules run it). Its uses of Hibernate's internals
 * ({@link OrmInternals}, {@link HqlOperationReplay}) and the query stage's extension of Hibernate's translator follow
 * those lines; on another one they might fail, or let a query bypass the guard, so the application does not start.
 */
public final class SupportedHibernate {
    /** The supported major.minor lines, oldest first. */
    static final List<String> LINES = List.of("7.0", "7.1", "7.2", "7.3", "7.4");

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

    private SupportedHibernate() {
    }

    /** @throws AlwaysEncryptedException if the Hibernate ORM on the class path is outside the supported lines */
    public static void require() {
        require(Version.getVersionString());
    }

    static void require(String version) {
        if (!supports(version)) {
            String lines = String.join(".x, ", LINES.subList(0, LINES.size() - 1)) + ".x or "
                    + LINES.get(LINES.size() - 1) + ".x";
            throw new AlwaysEncryptedException("hibernate-ae supports Hibernate ORM " + lines + ", but the class path "
                    + "has Hibernate ORM " + version + ". Depend on a Hibernate ORM " + lines + " release (check "
                    + "which version your framework's dependency management chooses), or use a hibernate-ae release "
                    + "that supports your Hibernate version");
        }
    }

    static boolean supports(String version) {
        Matcher matcher = version == null ? null : MAJOR_MINOR.matcher(version.trim());
        return matcher != null && matcher.matches()
                && LINES.contains(Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2)));
    }
}
