package org.jwtbearer.issuer.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;

/** One token request's audit record; {@link #toJson} is the line written to the audit log. */
public record AuditEvent(Instant time, String requestId, String outcome, String error, String reason, String clientId,
                         String clientAuthentication, String subject, String kid, String jtiHash, String remoteAddress) {

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", time.toString());
        fields.put("event", "token_request");
        fields.put("request_id", requestId);
        fields.put("outcome", outcome);
        putIfPresent(fields, "error", error);
        putIfPresent(fields, "reason", reason);
        putIfPresent(fields, "client_id", clientId);
        putIfPresent(fields, "client_auth", clientAuthentication);
        putIfPresent(fields, "sub", subject);
        putIfPresent(fields, "kid", kid);
        putIfPresent(fields, "jti_hash", jtiHash);
        putIfPresent(fields, "remote_address", remoteAddress);
        return JsonUtil.toJson(fields);
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
