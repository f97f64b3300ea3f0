package org.jwtbearer.issuer.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jwtbearer.issuer.client.ClientDefinition;
import org.jwtbearer.issuer.client.ClientAdministration;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.user.UserDefinition;
import org.jwtbearer.issuer.user.UserAdministration;

/**
 * Imports the registry file named by {@code jwtbearer.bootstrap} when the application starts: all of it in
 * one transaction, upserting clients by {@code client_id} and users by {@code user_name}, so importing the
 * same file again changes nothing. A file that cannot be read or validated stops the deployment — an issuer
 * that half-imported its clients would refuse requests for reasons nobody could see.
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

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, BootstrapImporter self) {
        settings.bootstrapFile().ifPresent(file -> self.importFile(Path.of(file)));
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
        for (ClientDefinition client : document.clients()) {
            clients.upsert(client);
        }
        for (UserDefinition user : document.users()) {
            users.upsert(user);
        }
        LOG.info(() -> "Imported " + document.clients().size() + " client(s) and " + document.users().size()
                + " user(s) from " + file);
    }
}
