package org.jwtbearer.issuer.audit;

import java.time.Instant;

import org.jwtbearer.issuer.support.Sha256;


/**
 * What one token request revealed about itself, gathered while it is handled and written as one audit
 * event at the end. Only facts that are safe at rest: never a token, an assertion or a secret; the jti
 * only as a hash prefix.
 */
public final class AuditTrail {

    private final Instant time;
    private final String requestId;
    private final String remoteAddress;
    private String clientId;
    private String clientAuthentication;
    private String subject;
    private String kid;
    private String jtiHash;

    public AuditTrail(Instant time, String requestId, String remoteAddress) {
        this.time = time;
        this.requestId = requestId;
        this.remoteAddress = remoteAddress;
    }

    public void client(String clientId) {
        this.clientId = clientId;
    }

    /** The client authentication method, as RFC 8414 names it ({@code client_secret_basic}, …). */
    public void clientAuthentication(String method) {
        this.clientAuthentication = method;
    }

    public void subject(String subject) {
        this.subject = subject;
    }

    public void kid(String kid) {
        this.kid = kid;
    }

    public void jti(String jti) {
        this.jtiHash = jti == null ? null : Sha256.hex(jti, 8);
    }

    public String requestId() {
        return requestId;
    }

    /** The finished event. */
    public AuditEvent outcome(String outcome, String error, String reason) {
        return new AuditEvent(time, requestId, outcome, error, reason, clientId, clientAuthentication, subject, kid, jtiHash, remoteAddress);
    }
}
