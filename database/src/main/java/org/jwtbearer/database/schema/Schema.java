package org.jwtbearer.database.schema;

/**
 * One application's part of the database: its migrations and the table that records which of them ran.
 * Several applications may share a database; each keeps its own history table, so each migrates only its own
 * tables and knows only its own versions.
 *
 * @param name         what the log and the errors call it ("issuer", "incidents")
 * @param location     Flyway location of the numbered migrations, e.g. {@code classpath:db/migration/issuer}
 * @param historyTable the table recording the applied migrations
 */
public record Schema(String name, String location, String historyTable) {

    public Schema {
        if (name.isBlank() || location.isBlank() || historyTable.isBlank()) {
            throw new IllegalArgumentException("a schema needs a name, a location and a history table");
        }
    }
}
