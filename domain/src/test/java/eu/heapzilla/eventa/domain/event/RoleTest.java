package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void wireNamesAreLowerCaseAndParseBack() {
        assertEquals("owner", Role.OWNER.wireName());
        assertEquals("editor", Role.EDITOR.wireName());
        assertEquals("viewer", Role.VIEWER.wireName());
        for (Role role : Role.values()) {
            assertEquals(role, Role.parse("role", role.wireName()));
        }
    }

    @Test
    void anythingElseIsAnInvalidValueOfTheNamedField() {
        for (String bad : new String[] {null, "", "OWNER", "Owner", " owner", "admin"}) {
            InvalidValue e = assertThrows(InvalidValue.class, () -> Role.parse("role", bad), String.valueOf(bad));
            assertEquals("role", e.field());
        }
    }
}
