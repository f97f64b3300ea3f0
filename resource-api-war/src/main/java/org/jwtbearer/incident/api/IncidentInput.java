package org.jwtbearer.incident.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jwtbearer.incident.model.IncidentChange;
import org.jwtbearer.incident.model.IncidentState;

/**
 * The writable fields of a create or update body, validated: a field the table does not have, a value of
 * the wrong type or out of range is a 400 before anything is written. Read-only fields ({@code sys_id},
 * {@code number}, {@code priority}, {@code sys_*} …) are ignored, as ServiceNow ignores them. A JSON
 * {@code null} leaves a field as it is; an empty string clears a text field.
 */
public record IncidentInput(Optional<String> shortDescription, Optional<String> description, Optional<IncidentState> state,
                            Optional<Integer> impact, Optional<Integer> urgency, Optional<String> category,
                            Optional<String> callerId, Optional<String> assignedTo) {

    private static final Set<String> WRITABLE = Set.of("short_description", "description", "state", "impact", "urgency",
            "category", "caller_id", "assigned_to");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("short_description", 160, "description", 4000,
            "category", 40, "caller_id", 255, "assigned_to", 255);

    public static IncidentInput from(JsonObject body) {
        for (String name : body.keySet()) {
            if (!WRITABLE.contains(name) && !IncidentJson.FIELD_NAMES.contains(name)) {
                throw TableApiException.badRequest("Unknown field: " + name);
            }
        }
        return new IncidentInput(text(body, "short_description"), text(body, "description"),
                number(body, "state", 1, 8).map(v -> IncidentState.of(v)
                        .orElseThrow(() -> TableApiException.badRequest("state must be one of 1, 2, 3, 6, 7, 8"))),
                number(body, "impact", 1, 3), number(body, "urgency", 1, 3),
                text(body, "category"), text(body, "caller_id"), text(body, "assigned_to"));
    }

    /** The update this body asks for: the fields it names, merged into the stored record (PUT and PATCH alike). */
    public IncidentChange toChange() {
        return new IncidentChange(shortDescription, description, state, impact, urgency, category, callerId, assignedTo);
    }

    private static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw TableApiException.badRequest(name + " must be a string");
        }
        if (!org.jwtbearer.incident.model.Storable.text(s.getString())) {
            throw TableApiException.badRequest(name + " must not contain the character U+0000");
        }
        if (s.getString().length() > MAX_LENGTH.get(name)) {
            throw TableApiException.badRequest(name + " is longer than " + MAX_LENGTH.get(name) + " characters");
        }
        return Optional.of(s.getString());
    }

    /** A number given as a JSON number or, as ServiceNow clients usually send it, a string of digits. */
    private static Optional<Integer> number(JsonObject body, String name, int min, int max) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        int parsed;
        if (value instanceof JsonNumber n && n.isIntegral()) {
            // Compared as a BigDecimal: 1e999999999 is integral, and expanding it to a BigInteger is refused
            // by the JSON-P implementation with an exception of its own (or would take all the memory).
            BigDecimal exact = n.bigDecimalValue();
            parsed = exact.compareTo(BigDecimal.valueOf(min)) < 0 ? min - 1 : exact.compareTo(BigDecimal.valueOf(max)) > 0 ? max + 1
                    : exact.intValue();
        } else if (value instanceof JsonString s && s.getString().strip().matches("-?\\d{1,9}")) {
            parsed = Integer.parseInt(s.getString().strip());
        } else {
            throw TableApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw TableApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
        return Optional.of(parsed);
    }
}
