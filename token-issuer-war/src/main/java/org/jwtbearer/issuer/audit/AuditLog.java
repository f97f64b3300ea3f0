package org.jwtbearer.issuer.audit;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes audit events, one JSON object a line, to the {@code org.jwtbearer.audit} logger — the server's
 * logging configuration decides where that goes. The provisioned WildFly sends it, through an asynchronous
 * handler, to {@code standalone/log/audit.log}.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger AUDIT = Logger.getLogger("org.jwtbearer.audit");

    public void write(AuditEvent event) {
        AUDIT.info(event.toJson());
    }
}
