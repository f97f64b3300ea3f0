package org.jwtbearer.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jwtbearer.client.AccessToken;
import org.jwtbearer.client.JwtBearerClient;

/** {@code call}: get a token if needed and call an API with it, as {@code curl} with the token step built in. */
final class CallCommand implements Command {

    private static final Set<String> OWN = Set.of("data", "header", "token", "token-cache", "base-url");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final InputStream stdin;

    CallCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "call";
    }

    @Override
    public String summary() {
        return "get a token if needed and call a URL with it";
    }

    @Override
    public String help() {
        return "Usage: jwtbearer call METHOD URL [options]\n\n"
                + "Calls URL with a bearer token and prints the response body. The token comes from --token, else from\n"
                + "--token-cache while fresh, else from the token endpoint. A URL starting with / is relative to\n"
                + "--base-url (default: the token endpoint's scheme, host and port). Exit status 0 for a 2xx answer,\n"
                + "1 for any other (the status and reason go to standard error).\n\n"
                + "  METHOD              GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS\n"
                + "  --data BODY         request body (JSON by default); @FILE reads a file, - standard input\n"
                + "  --header 'N: V'     an extra request header, repeatable\n"
                + "  --include           print the status line and response headers before the body\n"
                + "  --token TOKEN       use this access token; no token request (env:/file: forms work)\n"
                + "  --token-cache FILE  keep the token in FILE (owner-only) and reuse it while fresh\n"
                + "  --base-url URL      what a relative URL is relative to\n\n"
                + ClientOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args, Options.names(ClientOptions.NAMES, OWN), Set.of("include"), 2);
        if (options.positionals().size() != 2) {
            throw new Options.UsageException("METHOD and URL are required, e.g. call GET /api/now/table/incident");
        }
        String method = options.positionals().get(0).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new Options.UsageException("unknown method '" + options.positionals().get(0) + "'");
        }
        String base = options.get("base-url").orElseGet(() -> options.get("token-url").map(CallCommand::origin).orElse(null));
        URI target = HttpCalls.resolve(base, options.positionals().get(1));
        HttpRequest.BodyPublisher body = body(options);
        HttpCalls http = new HttpCalls(Duration.ofSeconds(options.integer("timeout", 10, 1, 300)));
        Tokens tokens = new Tokens(options);

        HttpResponse<String> response = http.send(request(http, method, target, body, options, tokens.authorization(false)));
        if (response.statusCode() == 401 && tokens.fromCache) {
            // The cached token may have been revoked or its key rotated: one retry with a fresh token.
            response = http.send(request(http, method, target, body, options, tokens.authorization(true)));
        }
        if (options.flag("include")) {
            out.println("HTTP/1.1 " + response.statusCode());
            response.headers().map().forEach((name, values) -> values.forEach(v -> out.println(name + ": " + v)));
            out.println();
        }
        if (!response.body().isEmpty()) {
            out.println(response.body());
        }
        if (response.statusCode() / 100 != 2) {
            throw new CliException(CliException.REFUSED, method + " " + target + " answered " + HttpCalls.reason(response));
        }
        return 0;
    }

    private static HttpRequest request(HttpCalls http, String method, URI target, HttpRequest.BodyPublisher body,
                                       Options options, String authorization) {
        HttpRequest.Builder request = http.request(target, authorization);
        boolean contentTypeGiven = false;
        for (String header : options.all("header")) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new Options.UsageException("--header takes 'Name: value', got '" + header + "'");
            }
            String name = header.substring(0, colon).trim();
            contentTypeGiven |= name.equalsIgnoreCase("Content-Type");
            try {
                request.setHeader(name, header.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException("--header '" + name + "': " + e.getMessage());
            }
        }
        if (options.get("data").isPresent() && !contentTypeGiven) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body).build();
    }

    private HttpRequest.BodyPublisher body(Options options) {
        Optional<String> data = options.get("data");
        if (data.isEmpty()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            if (data.get().equals("-")) {
                return HttpRequest.BodyPublishers.ofByteArray(stdin.readAllBytes());
            }
            if (data.get().startsWith("@")) {
                return HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of(data.get().substring(1))));
            }
        } catch (IOException e) {
            throw new CliException(CliException.LOCAL, "cannot read the request body: " + e, e);
        }
        return HttpRequest.BodyPublishers.ofString(data.get(), StandardCharsets.UTF_8);
    }

    private static String origin(String url) {
        URI uri = ClientOptions.tokenUrl(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }

    /** Where the call's token comes from: the command line, the cache file, or the token endpoint. */
    private static final class Tokens {
        private final Options options;
        private boolean fromCache;

        Tokens(Options options) {
            this.options = options;
        }

        String authorization(boolean fresh) {
            Optional<String> given = options.secret("token");
            if (given.isPresent()) {
                return "Bearer " + given.get();
            }
            JwtBearerClient client = ClientOptions.build(options);
            Optional<TokenCacheFile> cache = options.get("token-cache").map(file -> new TokenCacheFile(Path.of(file),
                    client.tokenEndpoint().toString(), String.valueOf(options.get("client-id").orElse(null)),
                    String.valueOf(options.get("iss").orElse(null)), String.valueOf(options.get("sub").orElse(null)),
                    String.join(" ", options.all("aud")), String.join(" ", options.all("claim")),
                    String.valueOf(options.get("scope").orElse(null)), String.valueOf(options.get("kid").orElse(null))));
            if (!fresh && cache.isPresent()) {
                Optional<String> cached = cache.get().authorization(Instant.now());
                if (cached.isPresent()) {
                    fromCache = true;
                    return cached.get();
                }
            }
            fromCache = false;
            AccessToken token = client.requestToken();
            cache.ifPresent(c -> c.store(token));
            return token.authorizationHeader();
        }
    }
}
