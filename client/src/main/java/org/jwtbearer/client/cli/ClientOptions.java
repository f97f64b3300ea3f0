package org.jwtbearer.client.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.jwtbearer.client.ClientAuthentication;
import org.jwtbearer.client.JwtBearerClient;
import org.jwtbearer.client.RetryPolicy;
import org.jwtbearer.security.assertion.SigningKey;

/** The options of the commands that ask a token endpoint for a token, turned into a {@link JwtBearerClient}. */
final class ClientOptions {

    static final Set<String> OWN = Set.of("token-url", "client-id", "client-secret", "auth", "scope", "retries", "timeout");
    static final Set<String> NAMES = Options.names(OWN, SigningKeyOptions.NAMES, ClaimOptions.NAMES);

    static final String HELP = """
            Token endpoint:
              --token-url URL     the token endpoint, e.g. http://localhost:8080/oauth_token.do (required)
              --client-id ID      the client id (also the default iss)
              --client-secret S   the client secret
              --auth METHOD       client authentication: basic (default with a secret), post (ServiceNow, Box),
                                  private_key_jwt (a client assertion signed with the same key), none (default without)
              --scope SCOPE       the scope form parameter
              --retries N         attempts on 5xx answers and connection errors (default 3; 4xx never retried)
              --timeout SECONDS   per request (default 10)
            """ + SigningKeyOptions.HELP + ClaimOptions.HELP
            + "  (--iss defaults to --client-id, --aud to --token-url)\n" + Secrets.HELP;

    private ClientOptions() {
    }

    static JwtBearerClient build(Options options) {
        URI tokenUrl = tokenUrl(options);
        SigningKey key = SigningKeyOptions.load(options);
        ClaimOptions claims = ClaimOptions.of(options);
        JwtBearerClient.Builder builder = JwtBearerClient.builder()
                .tokenEndpoint(tokenUrl)
                .clientAuthentication(authentication(options, key))
                .signingKey(key)
                .issuer(claims.issuer())
                .subject(claims.subject())
                .assertionLifetime(claims.lifetime())
                .timeout(Duration.ofSeconds(options.integer("timeout", 10, 1, 300)))
                .retryPolicy(new RetryPolicy(options.integer("retries", 3, 1, 10), Duration.ofMillis(500), Duration.ofSeconds(10)));
        claims.audiences().forEach(builder::audience);
        claims.extra().forEach(builder::claim);
        options.get("scope").ifPresent(builder::scope);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
    }

    static URI tokenUrl(Options options) {
        return tokenUrl(options.required("token-url"));
    }

    static URI tokenUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("--token-url '" + url + "': " + e.getMessage());
        }
    }

    private static ClientAuthentication authentication(Options options, SigningKey key) {
        String clientId = options.get("client-id").orElse(null);
        String secret = options.secret("client-secret").orElse(null);
        String method = options.get("auth").orElse(secret != null ? "basic" : "none");
        if (!method.equals("none") && clientId == null) {
            throw new Options.UsageException("--auth " + method + " needs --client-id");
        }
        if ((method.equals("basic") || method.equals("post")) && secret == null) {
            throw new Options.UsageException("--auth " + method + " needs --client-secret");
        }
        return switch (method) {
            case "basic" -> ClientAuthentication.clientSecretBasic(clientId, secret);
            case "post" -> ClientAuthentication.clientSecretPost(clientId, secret);
            case "private_key_jwt" -> ClientAuthentication.privateKeyJwt(clientId, key);
            case "none" -> ClientAuthentication.none(clientId);
            default -> throw new Options.UsageException("--auth must be basic, post, private_key_jwt or none");
        };
    }
}
