package eu.heapzilla.eventa.archfixture.cycle.right;

import eu.heapzilla.eventa.archfixture.cycle.left.Left;

/** Breaks rule 9 together with {@link Left}. */
public final class Right {

    public Left partner() {
        return new Left();
    }
}
