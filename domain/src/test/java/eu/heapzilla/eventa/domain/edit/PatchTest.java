package eu.heapzilla.eventa.domain.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchTest {

    @Test
    void keepLeavesTheCurrentValue() {
        Patch<String> keep = Patch.keep();
        assertFalse(keep.isSet());
        assertEquals("current", keep.applyTo("current"));
        assertEquals(null, keep.applyTo(null));
        assertEquals("keep", keep.toString());
    }

    @Test
    void setReplacesTheCurrentValue() {
        Patch<String> set = Patch.set("new");
        assertTrue(set.isSet());
        assertEquals("new", set.applyTo("current"));
        assertEquals("new", set.applyTo(null));
        assertEquals("set(new)", set.toString());
    }

    @Test
    void setToNothingClearsWhileKeepDoesNot() {
        Patch<Optional<String>> clear = Patch.set(Optional.empty());
        Patch<Optional<String>> keep = Patch.keep();
        assertEquals(Optional.empty(), clear.applyTo(Optional.of("Vienna")));
        assertEquals(Optional.of("Vienna"), keep.applyTo(Optional.of("Vienna")));
        assertNotEquals(clear, keep);
    }

    @Test
    void aMissingValueIsNotAValueToSet() {
        assertThrows(NullPointerException.class, () -> Patch.set(null));
    }

    @Test
    void patchesAreEqualByWhatTheyDo() {
        assertEquals(Patch.set("a"), Patch.set("a"));
        assertEquals(Patch.set("a").hashCode(), Patch.set("a").hashCode());
        assertNotEquals(Patch.set("a"), Patch.set("b"));
        assertEquals(Patch.<String>keep(), Patch.<Integer>keep());
        assertNotEquals(Patch.keep(), Patch.set("a"));
        assertNotEquals(Patch.set("a"), "a");
    }
}
