package org.jwtbearer.issuer.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.HttpHeaders;

import org.jwtbearer.issuer.client.RegistryException;

/**
 * Reading admin API requests: a JSON object body of bounded size, and the optimistic-locking version a
 * change is based on.
 */
final class AdminRequests {

    /** A client with a dozen certificates is a few tens of KiB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private AdminRequests() {
    }

    static JsonObject jsonObject(InputStream body, HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (!type.startsWith("application/json") && !type.startsWith("application/merge-patch+json")) {
            throw invalid("the request body must be JSON (Content-Type application/json or application/merge-patch+json)");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw invalid("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw invalid("the request body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid("the request body must be a JSON object");
        }
        return object;
    }

    /**
     * The version a change is based on: {@code If-Match} (the ETag a GET returned), else the body's
     * {@code version}, else the current one — a change without either applies to whatever is stored.
     */
    static long expectedVersion(HttpHeaders headers, JsonObject body, long current) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw invalid("If-Match must be an ETag this API returned");
            }
        }
        JsonValue version = body.get("version");
        if (version instanceof jakarta.json.JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        if (version != null && version.getValueType() != JsonValue.ValueType.NULL) {
            throw invalid("version must be the whole number a GET returned");
        }
        return current;
    }

    static RegistryException invalid(String message) {
        return new RegistryException(RegistryException.Kind.INVALID, message);
    }
}
