package org.jwtbearer.database.schema;

import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One application's part of the database: its migrations and the table that records which of them ran.
 * Several applications may share a database; each keeps its own history table, so each migrates only its own
 * tables and knows only its own versions.
 *
 * @param name         what the log and the errors call it ("issuer", "incidents")
 * @param location     Flyway location of the numbered migrations, e.g. {@code classpath:db/migration/issuer}
 * @param historyTable the table recording the applied migrations
 * @param javaMigrations the migrations SQL cannot say the same way on every database (computing values), numbered
 *                     among the SQL ones by their class names ({@code V5__…}); given here rather than found by
 *                     scanning, which application servers' virtual file systems get in the way of
 */
public record Schema(String name, String location, String historyTable, List<JavaMigration> javaMigrations) {

    public Schema {
        if (name.isBlank() || location.isBlank() || historyTable.isBlank()) {
            throw new IllegalArgumentException("a schema needs a name, a location and a history table");
        }
        javaMigrations = List.copyOf(javaMigrations);
    }

    public Schema(String name, String location, String historyTable) {
        this(name, location, historyTable, List.of());
    }
}
