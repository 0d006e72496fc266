package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.adapters.postgres.SchemaCatalog.Column;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;

/**
 * The {@code manifest.json} of a built-in backup: what it is ({@link #FORMAT}, {@link
 * #FORMAT_VERSION}), when and from which server and schema version it was taken, each table
 * in load order with its columns, row count, and the size and SHA-256 of its entry, and each
 * sequence's value. {@link #parse} reads one from a file nobody vouches for: whatever is missing,
 * mistyped or from a newer format is a {@link BackupException}. JSON is written and parsed with
 * the small JSON library that ships inside jOOQ.
 */
record BackupManifest(int formatVersion, Instant createdAt, String serverVersion, MigrationVersion schemaVersion,
                      List<TableEntry> tables, List<SequenceValue> sequences) {

    static final String FORMAT = "eventa-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "manifest.json";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One table's zip entry: the binary {@code COPY} of {@code columns}, {@code rows} rows in {@code bytes} bytes. */
    record TableEntry(String name, String entry, List<Column> columns, long rows, long bytes, String sha256) {

        TableEntry {
            columns = List.copyOf(columns);
        }
    }

    /** A sequence as {@code setval(name, lastValue, isCalled)} restores it. */
    record SequenceValue(String name, long lastValue, boolean isCalled) {
    }

    BackupManifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** The zip entry of a table's data. */
    static String entryOf(String table) {
        return "tables/" + table + ".copy";
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", formatVersion);
        json.put("created_at", createdAt.toString());
        json.put("server_version", serverVersion);
        json.put("schema_version", schemaVersion.getVersion());
        List<Object> tableList = new ArrayList<>();
        for (TableEntry table : tables) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", table.name());
            t.put("entry", table.entry());
            List<Object> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", column.name());
                c.put("type", column.type());
                columns.add(c);
            }
            t.put("columns", columns);
            t.put("rows", table.rows());
            t.put("bytes", table.bytes());
            t.put("sha256", table.sha256());
            tableList.add(t);
        }
        json.put("tables", tableList);
        List<Object> sequenceList = new ArrayList<>();
        for (SequenceValue sequence : sequences) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", sequence.name());
            s.put("last_value", sequence.lastValue());
            s.put("is_called", sequence.isCalled());
            sequenceList.add(s);
        }
        json.put("sequences", sequenceList);
        return JSONValue.toJSONString(json);
    }

    static BackupManifest parse(String text) {
        Object parsed;
        try {
            parsed = new JSONParser().parse(text);
        } catch (ParseException | RuntimeException e) {
            throw damaged("its manifest is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw damaged("its manifest is not a JSON object");
        }
        Fields json = new Fields(map);
        if (!FORMAT.equals(map.get("format"))) {
            throw new BackupException("not an eventa backup: its manifest does not say format \"" + FORMAT + "\"");
        }
        long formatVersion = json.number("format_version");
        if (formatVersion > FORMAT_VERSION) {
            throw new BackupException("this backup has format version " + formatVersion + ", made by a newer eventa; "
                    + "this one reads format version " + FORMAT_VERSION + " and older: restore it with a newer eventa");
        }
        if (formatVersion < 1) {
            throw damaged("its manifest names format version " + formatVersion);
        }
        Instant createdAt;
        MigrationVersion schemaVersion;
        try {
            createdAt = Instant.parse(json.text("created_at"));
            schemaVersion = MigrationVersion.fromVersion(json.text("schema_version"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw damaged("its manifest has a malformed created_at or schema_version");
        }
        if (schemaVersion.getVersion() == null) {
            throw damaged("its manifest names no schema version");
        }
        List<TableEntry> tables = new ArrayList<>();
        for (Fields table : json.list("tables")) {
            List<Column> columns = new ArrayList<>();
            for (Fields column : table.list("columns")) {
                columns.add(new Column(column.text("name"), column.text("type")));
            }
            String sha256 = table.text("sha256");
            if (!SHA256.matcher(sha256).matches()) {
                throw damaged("its manifest has a malformed sha256");
            }
            tables.add(new TableEntry(table.text("name"), table.text("entry"), columns, table.number("rows"),
                    table.number("bytes"), sha256));
        }
        List<SequenceValue> sequences = new ArrayList<>();
        for (Fields sequence : json.list("sequences")) {
            sequences.add(new SequenceValue(sequence.text("name"), sequence.integer("last_value"),
                    sequence.bool("is_called")));
        }
        return new BackupManifest((int) formatVersion, createdAt, json.text("server_version"), schemaVersion, tables,
                sequences);
    }

    static BackupException damaged(String what) {
        return new BackupException("the backup is damaged or not an eventa backup: " + what);
    }

    /** The fields of one parsed JSON object, each required and of the type asked for. */
    private record Fields(Map<?, ?> json) {

        String text(String key) {
            return field(key, String.class);
        }

        long integer(String key) {
            return field(key, Long.class);
        }

        long number(String key) {
            long number = integer(key);
            if (number < 0) {
                throw damaged("its manifest's " + key + " is negative");
            }
            return number;
        }

        boolean bool(String key) {
            return field(key, Boolean.class);
        }

        List<Fields> list(String key) {
            List<Fields> list = new ArrayList<>();
            for (Object item : field(key, List.class)) {
                if (!(item instanceof Map<?, ?> object)) {
                    throw damaged("its manifest's " + key + " holds something other than objects");
                }
                list.add(new Fields(object));
            }
            return list;
        }

        private <T> T field(String key, Class<T> type) {
            Object value = json.get(key);
            if (!type.isInstance(value)) {
                throw damaged("its manifest lacks " + key + " or it is not a " + type.getSimpleName().toLowerCase(Locale.ROOT));
            }
            return type.cast(value);
        }
    }
}
