package dev.hibernateae.internal.orm;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Version;

/**
 * The Hibernate ORM release line this build of hibernate-ae was checked against. Its uses of Hibernate's internals
 * ({@link OrmInternals}, {@link HqlOperationReplay}) and the query stage's extension of Hibernate's translator follow
 * that line; on another one they might fail, or let a query bypass the guard, so the application does not start.
 */
public final class SupportedHibernate {
    /** The supported major and minor version. */
    static final int MAJOR = 7;
    static final int MINOR = 4;

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

    private SupportedHibernate() {
    }

    /** @throws AlwaysEncryptedException if the Hibernate ORM on the class path is outside the supported line */
    public static void require() {
        require(Version.getVersionString());
    }

    static void require(String version) {
        if (!supports(version)) {
            throw new AlwaysEncryptedException("hibernate-ae supports Hibernate ORM " + MAJOR + "." + MINOR + ".x, "
                    + "but the class path has Hibernate ORM " + version + ". Depend on a Hibernate ORM " + MAJOR + "."
                    + MINOR + ".x release (check which version your framework's dependency management chooses), or "
                    + "use a hibernate-ae release that supports your Hibernate version");
        }
    }

    static boolean supports(String version) {
        Matcher matcher = version == null ? null : MAJOR_MINOR.matcher(version.trim());
        return matcher != null && matcher.matches() && Integer.parseInt(matcher.group(1)) == MAJOR
                && Integer.parseInt(matcher.group(2)) == MINOR;
    }
}
