package org.jwtbearer.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts token requests to one endpoint and retries what may succeed next time: connection failures, timeouts
 * and 5xx answers. Every attempt gets a freshly built form, so a retried request never resends an assertion
 * (with its jti) that the endpoint may already have recorded before it failed.
 */
final class TokenEndpoint {

    /** Pauses between attempts; tests replace it so they do not sleep. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final URI uri;
    private final HttpClient http;
    private final Duration timeout;
    private final RetryPolicy retries;
    private final Sleeper sleeper;

    TokenEndpoint(URI uri, HttpClient http, Duration timeout, RetryPolicy retries, Sleeper sleeper) {
        this.uri = uri;
        this.http = http;
        this.timeout = timeout;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    URI uri() {
        return uri;
    }

    /**
     * Sends the request {@code prepare} fills in (form members and headers), again while the endpoint fails
     * (5xx) or cannot be reached, and returns the last answer, whatever its status.
     */
    Answer exchange(RequestPreparer prepare) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = null;
            TokenEndpointException unreachable = null;
            try {
                answer = send(prepare);
                if (answer.status() < 500) {
                    return answer;
                }
            } catch (IOException e) {
                unreachable = new TokenEndpointException("token endpoint " + uri + " could not be reached: " + describe(e), 0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenEndpointException("interrupted while waiting for the token endpoint " + uri, 0, e);
            }
            boolean lastAttempt = attempt >= retries.maxAttempts();
            if (lastAttempt || !pause(retries.backoffAfter(attempt, answer != null ? answer.retryAfter() : null))) {
                if (unreachable != null) {
                    throw unreachable;
                }
                return answer;
            }
        }
    }

    /** Fills in one request: the form members to post and any headers. */
    interface RequestPreparer {
        void prepare(Map<String, String> form, HttpRequest.Builder request);
    }

    /** One answer of the endpoint, read into memory (capped). */
    record Answer(int status, String contentType, String body, Duration retryAfter) {
    }

    private Answer send(RequestPreparer prepare) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        prepare.prepare(form, request);
        request.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), body,
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    /** False when interrupted: the caller then stops retrying and reports what it has. */
    private boolean pause(Duration pause) {
        try {
            sleeper.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Retry-After in seconds (RFC 9110 §10.2.3); the HTTP-date form is read as "no hint". */
    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException dateForm) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
