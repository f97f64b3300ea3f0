package org.jwtbearer.security.revocation;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jwtbearer.security.config.IntrospectionSettings;

/**
 * Asks the issuer's RFC 7662 introspection endpoint whether a token is still active. The client authenticates
 * with HTTP Basic, id and secret form-encoded first (RFC 6749 §2.3.1), or — without a secret — names itself
 * with {@code client_id} in the form. The whole exchange, answer body included, is bounded by the timeout, and
 * the body by {@value #MAX_ANSWER_BYTES} bytes. Anything but a 200 with a JSON object whose {@code active} is
 * a boolean is {@link IntrospectionAnswer.Status#UNAVAILABLE}: never an exception, never taken as active.
 */
public final class IntrospectionClient {

    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final IntrospectionSettings settings;
    private final HttpClient http;

    public IntrospectionClient(IntrospectionSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    public IntrospectionAnswer ask(String token) {
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request(token), CappedBody.handler(MAX_ANSWER_BYTES));
        try {
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return IntrospectionAnswer.unavailable("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return IntrospectionAnswer.unavailable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return IntrospectionAnswer.unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            return IntrospectionAnswer.unavailable("HTTP " + response.statusCode());
        }
        return interpret(new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpRequest request(String token) {
        StringBuilder form = new StringBuilder("token=").append(encode(token)).append("&token_type_hint=access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (settings.clientSecret().isPresent()) {
            String pair = encode(settings.clientId()) + ":" + encode(settings.clientSecret().get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append("&client_id=").append(encode(settings.clientId()));
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    static IntrospectionAnswer interpret(String body) {
        Map<String, Object> answer;
        try {
            answer = JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException e) {
            return IntrospectionAnswer.unavailable("the answer is not a JSON object");
        }
        if (answer == null || !(answer.get("active") instanceof Boolean active)) {
            return IntrospectionAnswer.unavailable("the answer has no boolean \"active\"");
        }
        return active ? IntrospectionAnswer.ACTIVE : IntrospectionAnswer.INACTIVE;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** For the log: where this client asks. */
    @Override
    public String toString() {
        return "IntrospectionClient[" + settings.url() + " as " + settings.clientId() + "]";
    }
}
