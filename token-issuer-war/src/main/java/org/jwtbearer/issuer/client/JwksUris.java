package org.jwtbearer.issuer.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code jwks_uri} a client may register: the server fetches it, so it must not become a way to make the
 * server read its own files or talk plain HTTP across a network (SSRF). {@code https} only; plain {@code http}
 * only to the loopback host, for tests and sidecars; never {@code file:} or any other scheme.
 */
public final class JwksUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    static final int MAX_LENGTH = 2048;

    private JwksUris() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the URI */
    public static URI check(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("jwks_uri is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("jwks_uri is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("jwks_uri must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("jwks_uri must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("jwks_uri must not have a fragment");
        }
        boolean https = scheme.equals("https");
        boolean loopbackHttp = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
        if (!https && !loopbackHttp) {
            throw new IllegalArgumentException("jwks_uri must be an https URL (plain http only for localhost, 127.0.0.1 "
                    + "or [::1]); got scheme " + (scheme.isEmpty() ? "none" : scheme) + " for host " + host);
        }
        return uri;
    }
}
