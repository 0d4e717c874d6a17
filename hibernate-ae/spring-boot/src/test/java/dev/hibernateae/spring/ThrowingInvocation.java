package dev.hibernateae.spring;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.dao.support.PersistenceExceptionTranslationInterceptor;

/** A method call that throws, passed through the translation Spring applies to repositories' exceptions. */
final class ThrowingInvocation implements MethodInvocation {
    private final RuntimeException exception;

    private ThrowingInvocation(RuntimeException exception) {
        this.exception = exception;
    }

    /**
     * @return what a caller receives when a repository method throws {@code exception}: Spring's
     *     {@link PersistenceExceptionTranslationInterceptor}, finding the translator beans of {@code beanFactory} in
     *     their order as it does for repositories and {@code @Repository} beans
     */
    static RuntimeException throughSpringsTranslation(ListableBeanFactory beanFactory, RuntimeException exception) {
        try {
            new PersistenceExceptionTranslationInterceptor(beanFactory).invoke(new ThrowingInvocation(exception));
        } catch (RuntimeException received) {
            return received;
        } catch (Throwable unexpected) {
            throw new AssertionError(unexpected);
        }
        throw new AssertionError("the invocation did not throw");
    }

    @Override
    public Method getMethod() {
        try {
            return Runnable.class.getMethod("run");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object[] getArguments() {
        return new Object[0];
    }

    @Override
    public Object proceed() {
        throw exception;
    }

    @Override
    public Object getThis() {
        return null;
    }

    @Override
    public AccessibleObject getStaticPart() {
        return getMethod();
    }
}
