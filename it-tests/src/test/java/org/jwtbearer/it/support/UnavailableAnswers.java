package org.jwtbearer.it.support;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a node must answer while its database is down: a documented 503, never a 500 or a stack trace. Each check
 * returns null when the answer is right, else what is wrong with it, so that a failure under load can list
 * exactly which answers were wrong and how.
 */
public final class UnavailableAnswers {

    public static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (org|java|javax|jakarta|jdk|com|io|sun)\\.|Exception|Caused by:|\\tat ");

    private UnavailableAnswers() {
    }

    /** Null when the answer is the token endpoint's 503 as documented, else what is wrong with it. */
    public static String tokenUnavailableProblem(Exchange e) {
        if (e.status() != 503) {
            return "not 503";
        }
        if (!"temporarily_unavailable".equals(e.jsonString("error"))) {
            return "error is not temporarily_unavailable";
        }
        String retryAfter = e.header("Retry-After").orElse(null);
        if (retryAfter == null) {
            return "no Retry-After";
        }
        if (!retryAfter.trim().matches("\\d+")) {
            try {
                ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException ex) {
                return "Retry-After is neither seconds nor an HTTP date: " + retryAfter;
            }
        }
        return null;
    }

    /** Null when the answer is the Table API's 503 in its envelope, else what is wrong with it. */
    public static String tableUnavailableProblem(Exchange e) {
        if (e.status() != 503) {
            return "not 503";
        }
        JsonObject body = e.json();
        if (body == null || !"failure".equals(body.getString("status", null))) {
            return "not the envelope with status failure";
        }
        JsonValue error = body.get("error");
        if (error == null || error.getValueType() != JsonValue.ValueType.OBJECT) {
            return "no error object";
        }
        JsonObject envelope = error.asJsonObject();
        if (envelope.getString("message", "").isBlank() || !envelope.containsKey("detail")) {
            return "error without message or detail";
        }
        return null;
    }
}
