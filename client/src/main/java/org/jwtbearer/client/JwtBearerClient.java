package org.jwtbearer.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * The caller's side of the OAuth 2.0 JWT bearer grant (RFC 7523 §2.1) against any token endpoint: mints a
 * signed assertion with a fresh {@code jti}, exchanges it for an access token, and keeps that token until
 * shortly before it expires.
 *
 * <pre>{@code
 * JwtBearerClient client = JwtBearerClient.builder()
 *         .tokenEndpoint("https://acme.service-now.com/oauth_token.do")
 *         .clientAuthentication(ClientAuthentication.clientSecretPost(clientId, secret))
 *         .signingKey(SigningKey.fromKeystore(Path.of("client.p12"), storePassword, null, null, "my-key", null))
 *         .subject("abel.tuter")
 *         .audience(clientId)
 *         .build();
 * request.header("Authorization", client.accessToken().authorizationHeader());
 * }</pre>
 *
 * One instance serves any number of threads: they share the cached token, and at most one of them renews it
 * at a time while the others keep using the still-valid one (or wait, once it has expired).
 */
public final class JwtBearerClient {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /**
     * Well under the 5 minutes endpoints commonly allow (ours by default, ServiceNow), within Salesforce's 3:
     * an assertion exactly as long as the endpoint's maximum is refused by an endpoint whose clock runs behind.
     */
    public static final Duration DEFAULT_ASSERTION_LIFETIME = Duration.ofMinutes(2);

    private final TokenEndpoint endpoint;
    private final ClientAuthentication authentication;
    private final SigningKey signingKey;
    private final JwtBearerAssertion assertion;
    private final String scope;
    private final Map<String, String> parameters;
    private final Duration renewBefore;
    private final Duration assumedLifetime;
    private final Clock clock;

    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AccessToken current;

    private JwtBearerClient(Builder b, TokenEndpoint endpoint) {
        this.endpoint = endpoint;
        this.authentication = b.authentication;
        this.signingKey = b.algorithm == null ? b.signingKey : b.signingKey.withAlgorithm(b.algorithm);
        JwtBearerAssertion.Builder claims = JwtBearerAssertion.builder()
                .issuer(b.issuer != null ? b.issuer : authentication.clientId())
                .subject(b.subject)
                .lifetime(b.assertionLifetime);
        (b.audiences.isEmpty() ? List.of(endpoint.uri().toString()) : b.audiences).forEach(claims::audience);
        b.claims.forEach(claims::claim);
        this.assertion = claims.build();
        this.scope = b.scope;
        this.parameters = Map.copyOf(b.parameters);
        this.renewBefore = b.renewBefore;
        this.assumedLifetime = b.assumedLifetime;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A token to use now: the cached one while it is not due for renewal, else a new one. While one thread
     * renews, the others get the old token as long as it has not expired.
     */
    public AccessToken accessToken() {
        AccessToken token = current;
        Instant now = clock.instant();
        if (token != null && !token.isDueForRenewalAt(now)) {
            return token;
        }
        if (token != null && !token.isExpiredAt(now)) {
            if (!renewal.tryLock()) {
                return token;
            }
        } else {
            renewal.lock();
        }
        try {
            token = current;
            if (token != null && !token.isDueForRenewalAt(clock.instant())) {
                return token;
            }
            token = fetch();
            current = token;
            return token;
        } finally {
            renewal.unlock();
        }
    }

    /** A new token, whatever is cached; it becomes the cached one. */
    public AccessToken requestToken() {
        renewal.lock();
        try {
            AccessToken token = fetch();
            current = token;
            return token;
        } finally {
            renewal.unlock();
        }
    }

    /**
     * Forgets {@code token} if it is the cached one, for when a resource server refused it (401
     * {@code invalid_token}, a revoked token, say); the next {@link #accessToken()} fetches a new one.
     */
    public void invalidate(AccessToken token) {
        if (token != null && current == token) {
            renewal.lock();
            try {
                if (current == token) {
                    current = null;
                }
            } finally {
                renewal.unlock();
            }
        }
    }

    /** A signed assertion as the next token request would send it, with its own fresh jti. */
    public String mintAssertion() {
        return assertion.sign(signingKey, clock);
    }

    public URI tokenEndpoint() {
        return endpoint.uri();
    }

    private AccessToken fetch() {
        TokenEndpoint.Answer answer = endpoint.exchange((form, request) -> {
            form.put("grant_type", GRANT_TYPE);
            form.put("assertion", mintAssertion());
            if (scope != null) {
                form.put("scope", scope);
            }
            parameters.forEach(form::putIfAbsent);
            authentication.addTo(form, request, endpoint.uri(), clock);
        });
        return TokenResponses.read(answer.status(), answer.contentType(), answer.body(), clock.instant(), assumedLifetime,
                renewBefore);
    }

    @Override
    public String toString() {
        return "JwtBearerClient[" + endpoint.uri() + ", " + authentication + "]";
    }

    /** Configures a client; {@link #tokenEndpoint}, {@link #signingKey} and an issuer or client id are required. */
    public static final class Builder {
        private URI tokenEndpoint;
        private ClientAuthentication authentication = ClientAuthentication.none(null);
        private SigningKey signingKey;
        private String algorithm;
        private String issuer;
        private String subject;
        private final List<String> audiences = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String scope;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Duration assertionLifetime = DEFAULT_ASSERTION_LIFETIME;
        private Duration renewBefore = Duration.ofSeconds(60);
        private Duration assumedLifetime = Duration.ofMinutes(5);
        private Duration timeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private TokenEndpoint.Sleeper sleeper = pause -> Thread.sleep(pause.toMillis());

        private Builder() {
        }

        public Builder tokenEndpoint(String url) {
            return tokenEndpoint(URI.create(url));
        }

        public Builder tokenEndpoint(URI url) {
            if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new IllegalArgumentException("the token endpoint must be an absolute http(s) URL: " + url);
            }
            this.tokenEndpoint = url;
            return this;
        }

        /** How the client authenticates; default none (Salesforce, Google). Its client id is the default iss. */
        public Builder clientAuthentication(ClientAuthentication authentication) {
            this.authentication = Objects.requireNonNull(authentication);
            return this;
        }

        /** The key that signs the assertions; its kid goes into the JWS header. */
        public Builder signingKey(SigningKey key) {
            this.signingKey = Objects.requireNonNull(key);
            return this;
        }

        /** Signs with this algorithm instead of the key's default (PS256 for an RSA key, say). */
        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /** {@code iss}; default: the client id of the client authentication. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** {@code sub}: the user the token is for, as the endpoint matches it (user name, email, ...). */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** An {@code aud} value, repeatable; default: the token endpoint URL. */
        public Builder audience(String audience) {
            this.audiences.add(Objects.requireNonNull(audience));
            return this;
        }

        /** Any other claim: Box's {@code box_sub_type}, Google's {@code scope}, a claim validation's value. */
        public Builder claim(String name, Object value) {
            if (List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti").contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is set by the client itself; use its own builder method");
            }
            this.claims.put(name, Objects.requireNonNull(value));
            return this;
        }

        /** The {@code scope} form parameter. */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** Another form parameter of every token request (a vendor's extra, such as {@code format}). */
        public Builder parameter(String name, String value) {
            this.parameters.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** How long an assertion is valid (default 2 minutes; Salesforce allows 3, Box 1). */
        public Builder assertionLifetime(Duration lifetime) {
            this.assertionLifetime = positive(lifetime, "assertion lifetime");
            return this;
        }

        /** How long before expiry a cached token is renewed (default 60 s; at most half its lifetime). */
        public Builder renewBefore(Duration margin) {
            if (margin.isNegative()) {
                throw new IllegalArgumentException("renewBefore must not be negative");
            }
            this.renewBefore = margin;
            return this;
        }

        /** The lifetime assumed for a token whose answer has no {@code expires_in} (default 5 minutes). */
        public Builder assumedLifetime(Duration lifetime) {
            this.assumedLifetime = positive(lifetime, "assumed lifetime");
            return this;
        }

        /** How long one token request may take (default 10 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** The HTTP client to send with (proxies, TLS settings); default: HTTP/1.1, no redirects. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        Builder sleeper(TokenEndpoint.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public JwtBearerClient build() {
            if (tokenEndpoint == null) {
                throw new IllegalArgumentException("a token endpoint is required");
            }
            if (signingKey == null) {
                throw new IllegalArgumentException("a signing key is required");
            }
            if (issuer == null && authentication.clientId() == null) {
                throw new IllegalArgumentException("an issuer (iss) or a client id is required");
            }
            // A redirect would carry the assertion and any client secret to wherever it points: never followed.
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            return new JwtBearerClient(this, new TokenEndpoint(tokenEndpoint, http, timeout, retryPolicy, sleeper));
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
