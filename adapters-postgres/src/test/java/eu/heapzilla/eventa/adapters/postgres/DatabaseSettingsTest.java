package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void readsTheLibpqForm() {
        DatabaseSettings s = DatabaseSettings.fromUrl("postgresql://eventa:s%40cret%3Aword@db.internal:5433/eventa?sslmode=require", 7);
        assertEquals("jdbc:postgresql://db.internal:5433/eventa?sslmode=require", s.jdbcUrl());
        assertEquals("eventa", s.user());
        assertEquals("s@cret:word", s.password());
        assertEquals(7, s.poolSize());
    }

    @Test
    void readsPostgresSchemeJdbcUrlsAndDefaults() {
        assertEquals("jdbc:postgresql://localhost/postgres", DatabaseSettings.fromUrl("postgres://localhost", 1).jdbcUrl());
        DatabaseSettings jdbc = DatabaseSettings.fromUrl("jdbc:postgresql://127.0.0.1:5432/app", 1);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/app", jdbc.jdbcUrl());
        assertNull(jdbc.user());
        assertNull(jdbc.password());
    }

    @Test
    void neverPrintsThePassword() {
        DatabaseSettings s = DatabaseSettings.fromUrl("postgresql://eventa:hunter2@localhost/eventa", 1);
        assertFalse(s.toString().contains("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "mysql://localhost/db", "postgresql:///nohost", "not a url at all", "postgresql://user:pa ss@host/db"})
    void rejectsWhatIsNotAPostgresUrlWithoutEchoingIt(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.fromUrl(url, 1));
        assertFalse(!url.isBlank() && e.getMessage().contains(url), "the message must not echo the URL: " + e.getMessage());
    }
}
