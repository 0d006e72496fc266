package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files, checked by what runs here without a container engine: the packaged jar
 * started with exactly the environment and arguments {@code deploy/compose.yaml}, the
 * {@code Dockerfile} and {@code deploy/eventa.service} give it. Three things are made local, as
 * the container's network and file system would: the database host ({@code postgres} or
 * {@code localhost:5432} becomes this test's PostgreSQL), the HTTP port (a free one) and the data
 * directory (a temporary one).
 */
class DeploymentIT {

    private static final Path ROOT = Path.of("..");
    private static final Duration READY_LIMIT = Duration.ofSeconds(90);
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::([-?])([^}]*))?}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path workDir;

    @Test
    void theComposeFilesEventaStartsOnTheEnvironmentItGetsAndItsHealthCheckPasses() throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("deploy/compose.yaml").toFile());
        String password = "pw" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> operator = new HashMap<>(dotEnv(ROOT.resolve("deploy/.env.example")));
        operator.put("POSTGRES_PASSWORD", password);

        JsonNode postgres = compose.at("/services/postgres");
        assertEquals("postgres:16-alpine", postgres.path("image").asText());
        postgres.path("ports").forEach(port -> assertTrue(port.asText().startsWith("127.0.0.1:"),
                "PostgreSQL is published on loopback only: " + port.asText()));
        for (String service : List.of("eventa", "postgres", "caddy")) {
            compose.at("/services/" + service + "/volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                assertTrue(source.startsWith("./") || compose.at("/volumes").has(source),
                        service + " mounts an undeclared volume " + source);
            });
        }

        Map<String, String> environment = new LinkedHashMap<>();
        compose.at("/services/eventa/environment").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), interpolate(entry.getValue().asText(), operator)));
        assertEquals(operator.get("EVENTA_DOMAIN"), compose.at("/services/caddy/environment/EVENTA_DOMAIN").asText()
                .transform(value -> interpolate(value, operator)));
        String caddyfile = Files.readString(ROOT.resolve("deploy/Caddyfile"));
        assertTrue(caddyfile.contains("reverse_proxy eventa:" + environment.get("EVENTA_PORT")), caddyfile);
        assertTrue(caddyfile.contains("{$EVENTA_DOMAIN}"), caddyfile);
        assertEquals("https://" + operator.get("EVENTA_DOMAIN"), environment.get("EVENTA_BASE_URL"));
        assertUnknownToNobody(environment.keySet());

        DatabaseSettings database = databaseFor("eventa", password);
        environment.put("EVENTA_DATABASE_URL", environment.get("EVENTA_DATABASE_URL").replace("@postgres:5432/", "@" + hostAndPort(database) + "/"));
        makeLocal(environment);

        Dockerfile dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
        try (JarProcess eventa = JarProcess.start(workDir, dockerfile.jvmOptions(), environment, dockerfile.arguments())) {
            eventa.awaitReady(READY_LIMIT);
            Map<String, String> healthEnvironment = new HashMap<>(environment);
            healthEnvironment.put("EVENTA_PORT", Integer.toString(eventa.port));
            try (JarProcess health = JarProcess.start(workDir, List.of(), healthEnvironment, dockerfile.healthCheckArguments())) {
                assertEquals(0, health.awaitExit(), health.output());
            }
            eventa.stop();
            String firstLine = eventa.output().lines().findFirst().orElse("");
            assertTrue(firstLine.startsWith("{\"@timestamp\":"), "EVENTA_LOG_FORMAT=json: " + firstLine);
        }
    }

    @Test
    void theImageRunsTheJarItBuiltAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));

        assertEquals(2, dockerfile.instructions("FROM").size(), "a build stage and a runtime stage");
        assertEquals("eclipse-temurin:17-jre", dockerfile.instructions("FROM").get(1));
        String user = dockerfile.instructions("USER").get(0);
        assertNotEquals("root", user);
        assertNotEquals("0", user);
        String copied = dockerfile.instructions("COPY").stream().filter(copy -> copy.startsWith("--from=build"))
                .findFirst().orElseThrow();
        assertTrue(copied.startsWith("--from=build /src/app-server/target/eventa-server.jar "), copied);
        String jarInImage = copied.substring(copied.lastIndexOf(' ') + 1);
        assertTrue(dockerfile.entrypoint().contains(jarInImage), dockerfile.entrypoint().toString());
        assertTrue(dockerfile.healthCheck().contains(jarInImage), dockerfile.healthCheck().toString());
        assertEquals("health", dockerfile.healthCheck().get(dockerfile.healthCheck().size() - 1));
        assertTrue(dockerfile.instructions("EXPOSE").contains(dockerfile.env().get("EVENTA_PORT")));
    }

    @Test
    void theSystemdUnitStartsTheJarWithItsEnvironmentFile() throws Exception {
        List<String> unit = Files.readAllLines(ROOT.resolve("deploy/eventa.service"));
        List<String> execStart = Arrays.asList(directive(unit, "ExecStart").split("\\s+"));
        assertEquals("/etc/eventa/eventa.env", directive(unit, "EnvironmentFile"));
        assertNotEquals("root", directive(unit, "User"));
        int jar = execStart.indexOf("-jar");
        List<String> jvmOptions = execStart.subList(1, jar);
        String[] arguments = execStart.subList(jar + 2, execStart.size()).toArray(String[]::new);
        assertEquals(List.of("serve"), List.of(arguments));

        Map<String, String> environment = new LinkedHashMap<>(dotEnv(ROOT.resolve("deploy/eventa.env")));
        assertUnknownToNobody(environment.keySet());
        String password = "pw" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings database = databaseFor("eventa", password);
        environment.put("EVENTA_DATABASE_URL", environment.get("EVENTA_DATABASE_URL")
                .replace(":change-me@localhost:5432/", ":" + password + "@" + hostAndPort(database) + "/"));
        makeLocal(environment);

        try (JarProcess eventa = JarProcess.start(workDir, jvmOptions, environment, arguments)) {
            eventa.awaitReady(READY_LIMIT);
            assertEquals(143, eventa.stop(), "systemd's SuccessExitStatus");
        }
        assertEquals("143", directive(unit, "SuccessExitStatus"));
    }

    /** The deployment names no variable eventa does not read: a typo there would be silently ignored. */
    private static void assertUnknownToNobody(Iterable<String> names) {
        for (String name : names) {
            assertTrue(Config.VARIABLES.contains(name), name + " is not one of eventa's variables");
        }
    }

    private void makeLocal(Map<String, String> environment) {
        environment.remove("EVENTA_PORT");
        environment.remove("EVENTA_HOST");
        environment.put("EVENTA_DATA_DIR", workDir.resolve("data").toString());
    }

    /** Compose's interpolation: {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}}. */
    private static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = COMPOSE_VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String set = variables.getOrDefault(matcher.group(1), "");
            if (set.isEmpty() && "?".equals(matcher.group(2))) {
                throw new AssertionError("compose would refuse to start: " + matcher.group(3));
            }
            String replacement = set.isEmpty() && "-".equals(matcher.group(2)) ? matcher.group(3) : set;
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    private static String directive(List<String> unit, String name) {
        return unit.stream().filter(line -> line.startsWith(name + "=")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "= in the unit"));
    }

    /** A database {@code name} owned by a role of that name with {@code password}, as the deployment expects. */
    private static DatabaseSettings databaseFor(String name, String password) throws SQLException {
        DatabaseSettings server = TestDatabase.fresh();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + name + "') THEN "
                    + "CREATE ROLE " + name + " LOGIN; END IF; END $$");
            statement.execute("ALTER ROLE " + name + " PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        return server;
    }

    private static String hostAndPort(DatabaseSettings database) {
        Matcher matcher = Pattern.compile("jdbc:postgresql://([^/]+)/").matcher(database.jdbcUrl());
        assertTrue(matcher.find(), database.jdbcUrl());
        return matcher.group(1);
    }

    /** The few Dockerfile instructions these checks read, continuation lines joined. */
    private record Dockerfile(List<String[]> lines) {

        static Dockerfile read(Path file) throws IOException {
            String joined = Files.readString(file).replaceAll("\\\\\\n\\s*", " ");
            List<String[]> lines = new ArrayList<>();
            for (String line : joined.split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped.split("\\s+", 2));
                }
            }
            return new Dockerfile(lines);
        }

        List<String> instructions(String name) {
            return lines.stream().filter(line -> line[0].equals(name)).map(line -> line[1].replaceAll(" AS \\w+$", ""))
                    .toList();
        }

        Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            for (String assignment : instructions("ENV").get(0).split("\\s+")) {
                String[] parts = assignment.split("=", 2);
                env.put(parts[0], parts[1]);
            }
            return env;
        }

        List<String> entrypoint() {
            return exec(instructions("ENTRYPOINT").get(0));
        }

        List<String> healthCheck() {
            String instruction = instructions("HEALTHCHECK").get(0);
            return exec(instruction.substring(instruction.indexOf("CMD ") + 4));
        }

        /** What the ENTRYPOINT gives the JVM before {@code -jar}. */
        List<String> jvmOptions() {
            List<String> entrypoint = entrypoint();
            return entrypoint.subList(1, entrypoint.indexOf("-jar"));
        }

        /** The ENTRYPOINT's arguments after the jar, then CMD's. */
        String[] arguments() {
            List<String> entrypoint = entrypoint();
            List<String> arguments = new ArrayList<>(entrypoint.subList(entrypoint.indexOf("-jar") + 2, entrypoint.size()));
            arguments.addAll(exec(instructions("CMD").get(0)));
            return arguments.toArray(String[]::new);
        }

        String[] healthCheckArguments() {
            List<String> command = healthCheck();
            return command.subList(command.indexOf("-jar") + 2, command.size()).toArray(String[]::new);
        }

        private static List<String> exec(String jsonArray) {
            try {
                return Arrays.asList(new ObjectMapper().readValue(jsonArray, String[].class));
            } catch (IOException e) {
                throw new AssertionError("not an exec-form array: " + jsonArray, e);
            }
        }
    }
}
