package dev.hibernateae.internal.lifecycle.job;

/** Leaves every stored value as it is: the transform of a job that only derives search tokens again. */
public final class KeepCells implements CellTransform {
    public static final KeepCells INSTANCE = new KeepCells();

    private KeepCells() {
    }

    @Override
    public Outcome apply(byte[] stored) {
        return Keep.INSTANCE;
    }

    @Override
    public String describe() {
        return "keep every value, derive search tokens again";
    }
}
