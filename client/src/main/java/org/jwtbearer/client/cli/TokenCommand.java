package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code token}: mint an assertion and exchange it for an access token at a token endpoint. */
final class TokenCommand implements Command {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Set<String> OWN_OPTIONS = Set.of("token-url", "client-id", "client-secret", "scope", "format");

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String summary() {
        return "request an access token with a freshly minted assertion";
    }

    @Override
    public String help() {
        return "Usage: jwtbearer token --token-url URL [options]\n\n"
                + "Mints an assertion and posts it to the token endpoint (RFC 7523 §2.1); prints the response.\n"
                + "Exit status 0 when a token was issued, 1 when the endpoint refused.\n\n"
                + "  --token-url URL     the token endpoint, e.g. http://localhost:8080/oauth_token.do (required)\n"
                + "  --client-id ID      client_id to send (default: none; the endpoint finds the client by iss)\n"
                + "  --client-secret S   client secret, sent with HTTP Basic\n"
                + "  --scope SCOPE       scope to ask for\n"
                + "  --format FORMAT     response format: json (default), urlencoded, xml\n\n"
                + KeystoreOptions.HELP + AssertionCommand.CLAIM_HELP
                + "  (--iss defaults to --client-id, --aud to --token-url)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options options = Options.parse(withDefaults(args),
                AssertionCommand.union(AssertionCommand.union(KeystoreOptions.NAMES, AssertionCommand.CLAIM_OPTIONS), OWN_OPTIONS),
                Set.of());
        URI tokenUrl = URI.create(options.required("token-url"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("assertion", AssertionCommand.mint(options));
        options.get("scope").ifPresent(s -> form.put("scope", s));
        options.get("format").ifPresent(f -> form.put("format", f));
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (options.get("client-secret").isPresent()) {
            request.header("Authorization", basic(options.required("client-id"), options.required("client-secret")));
        } else {
            options.get("client-id").ifPresent(id -> form.put("client_id", id));
        }
        request.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        out.println(response.body());
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + response.headers().firstValue("X-Request-Id")
                    .map(id -> " (request id " + id + ")").orElse(""));
            return 1;
        }
        return 0;
    }

    /** --iss defaults to --client-id and --aud to --token-url, the usual values for both. */
    private static List<String> withDefaults(List<String> args) {
        Options loose = Options.parse(args, AssertionCommand.union(AssertionCommand.union(KeystoreOptions.NAMES,
                AssertionCommand.CLAIM_OPTIONS), OWN_OPTIONS), Set.of());
        List<String> all = new ArrayList<>(args);
        if (loose.get("iss").isEmpty() && loose.get("client-id").isPresent()) {
            all.addAll(List.of("--iss", loose.get("client-id").get()));
        }
        if (loose.all("aud").isEmpty() && loose.get("token-url").isPresent()) {
            all.addAll(List.of("--aud", loose.get("token-url").get()));
        }
        return all;
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64 encoded. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
