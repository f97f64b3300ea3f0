package org.jwtbearer.issuer.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

import org.jwtbearer.issuer.client.ClientAdministration;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.user.UserAdministration;

/**
 * Seeds the registry from the file named by {@code jwtbearer.bootstrap} when the application starts: each client and
 * user of the file is created once in the life of the database, and never changed or brought back afterwards — what
 * an operator does through the admin API stands, and importing the same file again changes nothing. All of a file
 * goes in one transaction. A file that cannot be read or validated stops the deployment: an issuer that half-imported
 * its clients would refuse requests for reasons nobody could see.
 */
@ApplicationScoped
public class BootstrapImporter {

    private static final Logger LOG = Logger.getLogger(BootstrapImporter.class.getName());

    @Inject
    IssuerSettings settings;

    @Inject
    ClientAdministration clients;

    @Inject
    UserAdministration users;

    @Inject
    SeedRecord seeds;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, BootstrapImporter self) {
        settings.bootstrapFile().map(Path::of).ifPresent(file -> {
            try {
                self.importFile(file);
            } catch (TransactionalException | PersistenceException e) {
                if (!seededByAnotherNode(e)) {
                    throw e;
                }
                // Nodes starting together seed the same entries; the one that lost finds them seeded on its second look.
                LOG.info(() -> "Another node seeded from a bootstrap file at the same moment; reading " + file + " again");
                try {
                    self.importFile(file);
                } catch (RuntimeException again) {
                    again.addSuppressed(e);
                    throw again;
                }
            }
        });
    }

    /** A unique key broke (SQLSTATE class 23): another node inserted the same client or user first. */
    static boolean seededByAnotherNode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (each.getSQLState() != null && each.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Transactional
    public void importFile(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bootstrap file " + file + ": " + e, e);
        }
        BootstrapDocument document;
        try {
            document = BootstrapDocument.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid bootstrap file " + file + ": " + e.getMessage(), e);
        }
        long seededClients = document.clients().stream()
                .filter(client -> seed(SeedRecord.Kind.CLIENT, client.clientId(), () -> clients.createIfAbsent(client)))
                .count();
        long seededUsers = document.users().stream()
                .filter(user -> seed(SeedRecord.Kind.USER, user.userName(), () -> users.createIfAbsent(user)))
                .count();
        LOG.info(() -> "Bootstrap file " + file + ": created " + seededClients + " of " + document.clients().size()
                + " client(s) and " + seededUsers + " of " + document.users().size() + " user(s); the others were seeded before");
    }

    /** @return whether the entry was created now */
    private boolean seed(SeedRecord.Kind kind, String name, BooleanSupplier createIfAbsent) {
        if (seeds.seededBefore(kind, name)) {
            return false;
        }
        boolean created = createIfAbsent.getAsBoolean();
        seeds.markSeeded(kind, name);
        return created;
    }
}
