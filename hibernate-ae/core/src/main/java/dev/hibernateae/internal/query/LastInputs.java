package dev.hibernateae.internal.query;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Remembers the result for the last inputs: the parameters of one search all ask for the same token list when a
 * statement is bound (each binds one token of it), and a range's list takes a cover and up to hundreds of HMACs.
 * Keyed by the inputs themselves (the bound values), so another execution with other values recomputes; threads
 * racing on one statement may recompute, never share a wrong list.
 */
final class LastInputs<T> {
    private final Function<List<Object>, T> compute;
    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    private record Entry<T>(List<Object> inputs, T value) {
    }

    LastInputs(Function<List<Object>, T> compute) {
        this.compute = compute;
    }

    T apply(List<Object> inputs) {
        Entry<T> entry = last.get();
        if (entry != null && Objects.equals(entry.inputs(), inputs)) {
            return entry.value();
        }
        T value = compute.apply(inputs);
        last.set(new Entry<>(inputs, value));
        return value;
    }
}
