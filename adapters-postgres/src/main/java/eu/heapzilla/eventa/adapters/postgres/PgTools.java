package eu.heapzilla.eventa.adapters.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}), run as child
 * processes: their versions, and how to tell them where the database is. The connection goes
 * in the environment ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD},
 * {@code PGDATABASE}, {@code PGSSLMODE}), never on the command line, where {@code ps} would
 * show the password; every other {@code PG*} variable of this process is withheld from them,
 * so that none points them elsewhere. A JDBC URL they cannot be told the same way (several
 * hosts, driver options other than {@code sslmode}) has {@link #environment} empty.
 */
final class PgTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+)(?:\\?(.*))?");
    private static final int OUTPUT_LIMIT = 16 * 1024 * 1024;
    private static final int ERROR_LIMIT = 4000;

    private final String pgDump;
    private final String pgRestore;

    /** {@code pgDump} and {@code pgRestore}: the programs' paths, or names to look up on the PATH. */
    PgTools(String pgDump, String pgRestore) {
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
    }

    static PgTools onPath() {
        return new PgTools("pg_dump", "pg_restore");
    }

    String pgDump() {
        return pgDump;
    }

    String pgRestore() {
        return pgRestore;
    }

    /** The major version {@code program --version} reports, or empty when it does not run. */
    static OptionalInt majorVersion(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(ERROR_LIMIT), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return OptionalInt.empty();
            }
            return process.exitValue() == 0 ? parseMajorVersion(output) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** The major version in a {@code --version} line such as {@code pg_dump (PostgreSQL) 16.4}. */
    static OptionalInt parseMajorVersion(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The {@code PG*} variables that connect libpq where {@code settings} connect the JDBC driver. */
    static Optional<Map<String, String>> environment(DatabaseSettings settings) {
        Matcher url = JDBC_URL.matcher(settings.jdbcUrl());
        if (!url.matches() || url.group(1).contains(",")) {
            return Optional.empty();
        }
        URI hostPort;
        try {
            hostPort = new URI("postgresql://" + url.group(1));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (hostPort.getHost() == null) {
            return Optional.empty();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PGHOST", hostPort.getHost().replaceAll("^\\[(.*)]$", "$1"));
        environment.put("PGPORT", String.valueOf(hostPort.getPort() > 0 ? hostPort.getPort() : 5432));
        environment.put("PGDATABASE", URLDecoder.decode(url.group(2), StandardCharsets.UTF_8));
        if (settings.user() != null) {
            environment.put("PGUSER", settings.user());
        }
        if (settings.password() != null) {
            environment.put("PGPASSWORD", settings.password());
        }
        if (url.group(3) != null) {
            for (String parameter : url.group(3).split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && pair[0].equals("sslmode")) {
                    environment.put("PGSSLMODE", URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                } else if (!parameter.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        environment.put("PGAPPNAME", "eventa-backup");
        return Optional.of(environment);
    }

    /** {@code program arguments…}, connected by {@code environment}, with no other {@code PG*} variable. */
    static ProcessBuilder command(String program, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs {@code builder} to its end and returns what it wrote to its standard output; a failure is a {@link BackupException}. */
    static String run(ProcessBuilder builder) {
        String program = Path.of(builder.command().get(0)).getFileName().toString();
        Path errors = null;
        try {
            errors = Files.createTempFile("eventa-" + program + "-", ".log");
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readNBytes(OUTPUT_LIMIT);
                in.transferTo(OutputStream.nullOutputStream());
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BackupException(program + " failed (exit code " + exit + "): " + tail(errors));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException("could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(program + " was interrupted", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary log file left behind is harmless
                }
            }
        }
    }

    private static String tail(Path errors) throws IOException {
        String text = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8).strip();
        return text.length() <= ERROR_LIMIT ? text : "…" + text.substring(text.length() - ERROR_LIMIT);
    }
}
