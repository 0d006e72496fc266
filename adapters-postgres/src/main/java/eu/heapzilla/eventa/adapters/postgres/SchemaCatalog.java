package eu.heapzilla.eventa.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the eventa schema (the connection's {@code current_schema()}, where Flyway puts it) holds,
 * read from PostgreSQL's catalogue rather than from a list kept by hand: its tables with the
 * columns a {@code COPY} writes (stored generated columns are left out, PostgreSQL computes
 * them), in an order that loads every referenced row before the rows referring to it, and its
 * sequences. A cycle of foreign keys, a table referring to itself included, has no such order
 * and is refused: no eventa table has one, and a migration adding one must change how backups
 * load data.
 *
 * @param schema    the schema's name
 * @param tables    every table, referenced ones before the ones referring to them
 * @param sequences every sequence's name, identity columns' own ones included
 */
record SchemaCatalog(String schema, List<Table> tables, List<String> sequences) {

    /** One table and the columns a {@code COPY} of it carries, in the table's order. */
    record Table(String name, List<Column> columns) {

        Table {
            columns = List.copyOf(columns);
        }
    }

    /** A column by name and by its type as {@code format_type} spells it. */
    record Column(String name, String type) {
    }

    SchemaCatalog {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    static SchemaCatalog read(Connection connection) throws SQLException {
        String schema = currentSchema(connection);
        Map<Long, String> tableNames = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition""")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tableNames.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        Map<String, Set<String>> references = references(connection, tableNames);
        List<Table> tables = new ArrayList<>();
        Map<String, Long> oids = new HashMap<>();
        tableNames.forEach((oid, name) -> oids.put(name, oid));
        for (String name : loadOrder(references)) {
            tables.add(new Table(name, columns(connection, oids.get(name))));
        }
        return new SchemaCatalog(schema, tables, sequences(connection, schema));
    }

    Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tables holding at least one row, apart from Flyway's history. */
    List<String> tablesWithRows(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                if (table.name().equals(Migrations.HISTORY_TABLE)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + qualified(table.name()) + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        found.add(table.name());
                    }
                }
            }
        }
        return found;
    }

    boolean hasHistory() {
        return table(Migrations.HISTORY_TABLE).isPresent();
    }

    /** {@code name} in this schema, quoted for SQL. */
    String qualified(String name) {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            String schema = rows.getString(1);
            if (schema == null) {
                throw new BackupException("the database has no schema to hold eventa's tables (search_path is empty)");
            }
            return schema;
        }
    }

    /** For each table, the tables of this schema it refers to. */
    private static Map<String, Set<String>> references(Connection connection, Map<Long, String> tableNames)
            throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        tableNames.values().forEach(name -> references.put(name, new TreeSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT conrelid, confrelid FROM pg_constraint WHERE contype = 'f'")) {
            while (rows.next()) {
                String from = tableNames.get(rows.getLong(1));
                String to = tableNames.get(rows.getLong(2));
                if (from != null && to != null) {
                    references.get(from).add(to);
                }
            }
        }
        return references;
    }

    /** Referenced tables first; among tables free to go, by name, so that the order is stable. */
    private static List<String> loadOrder(Map<String, Set<String>> references) {
        Map<String, Set<String>> waitingFor = new HashMap<>();
        references.forEach((table, referenced) -> waitingFor.put(table, new TreeSet<>(referenced)));
        List<String> order = new ArrayList<>();
        TreeSet<String> ready = new TreeSet<>();
        waitingFor.forEach((table, referenced) -> {
            if (referenced.isEmpty()) {
                ready.add(table);
            }
        });
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            waitingFor.forEach((table, referenced) -> {
                if (referenced.remove(next) && referenced.isEmpty()) {
                    ready.add(table);
                }
            });
        }
        if (order.size() < references.size()) {
            Set<String> stuck = new TreeSet<>(references.keySet());
            order.forEach(stuck::remove);
            throw new BackupException("the foreign keys among tables " + stuck + " form a cycle, so no load order "
                    + "restores them with every constraint checked; the built-in backup does not handle that");
        }
        return order;
    }

    private static List<Column> columns(Connection connection, long table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
                WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                ORDER BY attnum""")) {
            statement.setLong(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return columns;
    }

    private static List<String> sequences(Connection connection, String schema) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'S' ORDER BY c.relname""")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getString(1));
                }
            }
        }
        return sequences;
    }
}
