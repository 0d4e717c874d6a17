package dev.hibernateae.spring.data;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;

/**
 * A repository method's {@code @Query} JPQL as Spring Data JPA 3.5 declares and rewrites it. Spring Data JPA 3.5
 * keeps its rewriting in a class of its own package ({@code StringQuery}), which this reaches reflectively; should a
 * later 3.5 release change it, the guard skips its early check (Spring Data's own validation of the query still
 * runs through hibernate-ae's query guard, with Spring Data's message).
 */
final class DeclaredQueries {
    private static final String STRING_QUERY = "org.springframework.data.jpa.repository.query.StringQuery";

    private DeclaredQueries() {
    }

    /**
     * @param queryMethod a method with an {@code @Query}
     * @param method the repository method
     * @return its JPQL, or {@code null} for a native query
     */
    static String jpql(JpaQueryMethod queryMethod, Method method) {
        return isNative(method) ? null : queryMethod.getRequiredAnnotatedQuery();
    }

    /** @return the declared count query's JPQL, or {@code null} when there is none or it is native */
    static String countJpql(JpaQueryMethod queryMethod, Method method) {
        return isNative(method) ? null : queryMethod.getCountQuery();
    }

    /** Spring Data's rewriting of its JPQL extensions ({@code LIKE %:name%}, SpEL parameters) into plain JPQL. */
    static String preprocess(String jpql) {
        try {
            Constructor<?> constructor = Class.forName(STRING_QUERY, false, JpaQueryMethod.class.getClassLoader())
                    .getDeclaredConstructor(String.class, boolean.class);
            constructor.setAccessible(true);
            Object query = constructor.newInstance(jpql, false);
            Method queryString = query.getClass().getMethod("getQueryString");
            queryString.setAccessible(true);
            return (String) queryString.invoke(query);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only the exception type: the query may hold literal values.
            throw new IllegalStateException("Spring Data JPA's " + STRING_QUERY + " could not rewrite a query ("
                    + e.getClass().getName() + ")");
        }
    }

    /** {@code @Query(nativeQuery = true)}, or an annotation meant as one ({@code @NativeQuery}). */
    private static boolean isNative(Method method) {
        Query query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
        return query != null && query.nativeQuery();
    }
}
