package dev.hibernateae.spring.data;

import java.lang.reflect.Method;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.jpa.repository.query.PreprocessedQuery;

/** A repository method's {@code @Query} JPQL as Spring Data JPA 4 declares and rewrites it. */
final class DeclaredQueries {
    private DeclaredQueries() {
    }

    /**
     * @param queryMethod a method with an {@code @Query}
     * @param method the repository method
     * @return its JPQL, or {@code null} for a native query
     */
    static String jpql(JpaQueryMethod queryMethod, Method method) {
        return jpqlOf(queryMethod.getRequiredDeclaredQuery());
    }

    /** @return the declared count query's JPQL, or {@code null} when there is none or it is native */
    static String countJpql(JpaQueryMethod queryMethod, Method method) {
        return jpqlOf(queryMethod.getDeclaredCountQuery());
    }

    /** Spring Data's rewriting of its JPQL extensions ({@code LIKE %:name%}, SpEL parameters) into plain JPQL. */
    static String preprocess(String jpql) {
        return PreprocessedQuery.parse(DeclaredQuery.jpqlQuery(jpql)).getQueryString();
    }

    private static String jpqlOf(DeclaredQuery declared) {
        return declared == null || declared.isNative() ? null : declared.getQueryString();
    }
}
