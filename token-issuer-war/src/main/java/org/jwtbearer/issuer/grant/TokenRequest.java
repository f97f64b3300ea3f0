package org.jwtbearer.issuer.grant;

import java.time.Instant;
import java.util.Optional;

/** A JWT bearer token request, read from the form by the endpoint; {@code receivedAt} is the request's one clock reading. */
public record TokenRequest(String assertion, ClientCredentials credentials, Optional<String> scope, Instant receivedAt) {
}
