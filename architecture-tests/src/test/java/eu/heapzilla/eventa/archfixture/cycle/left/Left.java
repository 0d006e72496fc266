package eu.heapzilla.eventa.archfixture.cycle.left;

import eu.heapzilla.eventa.archfixture.cycle.right.Right;

/** Breaks rule 9 together with {@link Right}. */
public final class Left {

    public Right partner() {
        return new Right();
    }
}
