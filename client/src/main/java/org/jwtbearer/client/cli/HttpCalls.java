package org.jwtbearer.client.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jose4j.json.JsonUtil;

/** The tool's own HTTP calls (the API call, the admin API): a failure to connect becomes exit code 4. */
final class HttpCalls {

    private final HttpClient http;
    private final Duration timeout;

    HttpCalls(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A request to {@code uri} with the timeout, accepting JSON. */
    HttpRequest.Builder request(URI uri, String authorization) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, request.uri() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted while calling " + request.uri(), e);
        }
    }

    static URI resolve(String base, String url) {
        try {
            URI target = URI.create(url);
            if (target.isAbsolute()) {
                return target;
            }
            if (base == null) {
                throw new Options.UsageException("'" + url + "' is relative; give --base-url (or --token-url) or a full URL");
            }
            return URI.create(base).resolve(target);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("not a URL: '" + url + "'");
        }
    }

    /**
     * What went wrong, read from an error answer: the Table and admin API envelope's message and detail, an
     * OAuth error, or the {@code WWW-Authenticate} challenge.
     */
    static String reason(HttpResponse<String> response) {
        StringBuilder reason = new StringBuilder("HTTP " + response.statusCode());
        try {
            Map<String, Object> json = JsonUtil.parseJson(response.body());
            if (json.get("error") instanceof Map<?, ?> envelope) {
                appendIfPresent(reason, envelope.get("message"));
                appendIfPresent(reason, envelope.get("detail"));
            } else if (json.get("error") instanceof String code) {
                appendIfPresent(reason, code);
                appendIfPresent(reason, json.get("error_description"));
            }
        } catch (Exception notJson) {
            // the status and challenge say enough
        }
        response.headers().firstValue("WWW-Authenticate").ifPresent(challenge -> reason.append(" (").append(challenge).append(')'));
        return reason.toString();
    }

    /** A file the command was told to read; a failure is a local problem (exit code 3). */
    static String readFile(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new CliException(CliException.LOCAL, "cannot read " + file + ": " + e, e);
        }
    }

    private static void appendIfPresent(StringBuilder reason, Object value) {
        if (value != null && !value.toString().isBlank()) {
            reason.append(": ").append(value);
        }
    }
}
