package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void hasWorkingDefaults() {
        Config config = Config.from(Map.of(), dir);
        assertEquals(Optional.empty(), config.databaseUrl());
        assertEquals(8080, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals("http://localhost:8080", config.baseUrl());
        assertEquals(Path.of("eventa-data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.dataDir().isAbsolute());
        assertEquals(Config.LogFormat.TEXT, config.logFormat());
        assertEquals(1024 * 1024, config.maxBodyBytes());
    }

    @Test
    void readsTheDotEnvFileAndLetsTheEnvironmentWin() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                # local settings
                EVENTA_PORT=9191
                EVENTA_LOG_FORMAT=json
                EVENTA_DATABASE_URL="postgresql://eventa:secret@db:5432/eventa"
                EVENTA_DATA_DIR=/var/lib/eventa
                """);
        Config config = Config.from(Map.of("EVENTA_PORT", "9292"), dir);
        assertEquals(9292, config.port());
        assertEquals(Config.LogFormat.JSON, config.logFormat());
        assertEquals(Optional.of("postgresql://eventa:secret@db:5432/eventa"), config.databaseUrl());
        assertEquals(Path.of("/var/lib/eventa"), config.dataDir());
        assertEquals("http://localhost:9292", config.baseUrl());
    }

    @Test
    void aBlankValueMeansTheDefault() {
        assertEquals(Optional.empty(), Config.from(Map.of("EVENTA_DATABASE_URL", "  "), dir).databaseUrl());
    }

    @Test
    void wrongValuesAreRefusedWithAMessageNamingTheVariable() {
        assertEquals("EVENTA_PORT must be a whole number from 0 to 65535, not 'eighty'",
                assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_PORT", "eighty"), dir)).getMessage());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_PORT", "70000"), dir));
        assertEquals("EVENTA_LOG_FORMAT must be one of text|json, not 'xml'",
                assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_LOG_FORMAT", "xml"), dir)).getMessage());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_BASE_URL", "ftp://example.org"), dir));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_BASE_URL", "not a url"), dir));
    }

    @Test
    void trimsATrailingSlashFromTheBaseUrl() {
        assertEquals("https://plan.example.org", Config.from(Map.of("EVENTA_BASE_URL", "https://plan.example.org/"), dir).baseUrl());
    }
}
