package org.jwtbearer.issuer.endpoint;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request an id, answered in {@code X-Request-Id} and carried by the audit event, so a client's
 * report of a refusal can be matched to the precise reason in the log. Ids are always made here: one taken
 * from the request could be forged to confuse the log.
 */
@Provider
@PreMatching
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "org.jwtbearer.request-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, newId());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(HEADER, id != null ? id : newId());
    }

    static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
