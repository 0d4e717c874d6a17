package dev.hibernateae.internal.orm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractEvent;

/**
 * The session of an entity event, on every Hibernate line: {@code AbstractEvent.getSession()} returns an
 * {@code EventSource} up to 7.1 and a {@code SharedSessionContractImplementor} from 7.2, so no one compiled call
 * links on both. Looked up once by name; either way the result is a {@code SharedSessionContractImplementor}, or null
 * where a {@code StatelessSession} fires events without one.
 */
public final class EventSessions {
    private static final MethodHandle GET_SESSION = lookup();

    private EventSessions() {
    }

    public static SharedSessionContractImplementor of(AbstractEvent event) {
        try {
            return (SharedSessionContractImplementor) GET_SESSION.invoke(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("AbstractEvent.getSession() failed", e);
        }
    }

    private static MethodHandle lookup() {
        try {
            Class<?> returned = AbstractEvent.class.getMethod("getSession").getReturnType();
            return MethodHandles.publicLookup().findVirtual(AbstractEvent.class, "getSession",
                    MethodType.methodType(returned)).asType(MethodType.methodType(Object.class, AbstractEvent.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Hibernate has no AbstractEvent.getSession()", e);
        }
    }
}
