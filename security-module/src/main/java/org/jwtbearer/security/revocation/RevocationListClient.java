package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jwtbearer.security.config.RevocationListSettings;

/**
 * Fetches the issuer's revocation list ({@code POST /oauth2/revocations}) as a client of the issuer, authenticated
 * as at introspection: HTTP Basic with the form-encoded id and secret (RFC 6749 §2.3.1), or {@code client_id} in
 * the form for a client without a secret. The whole exchange is bounded by the timeout and the body by
 * {@value #MAX_ANSWER_BYTES} bytes; anything but a 200 with a well-formed list is an {@link IOException}.
 */
public final class RevocationListClient implements RevocationSource {

    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final RevocationListSettings settings;
    private final HttpClient http;

    public RevocationListClient(RevocationListSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public RevocationUpdate fetch(Optional<String> since) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request(since), CappedBody.handler(MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return RevocationUpdate.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpRequest request(Optional<String> since) {
        StringBuilder form = new StringBuilder();
        since.ifPresent(cursor -> form.append("since=").append(encode(cursor)));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (settings.clientSecret().isPresent()) {
            String pair = encode(settings.clientId()) + ":" + encode(settings.clientSecret().get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append(form.isEmpty() ? "" : "&").append("client_id=").append(encode(settings.clientId()));
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return settings.url() + " as " + settings.clientId();
    }
}
