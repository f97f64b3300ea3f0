package org.jwtbearer.incident.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.jwtbearer.incident.model.Incident;
import org.jwtbearer.incident.model.IncidentState;
import org.jwtbearer.incident.model.Level;
import org.jwtbearer.incident.model.Priority;

/**
 * An incident as the Table API shows it: every value a string (empty when unset), dates as
 * {@code yyyy-MM-dd HH:mm:ss} in UTC, fields in a fixed order; display values and reference links as the
 * request's {@link Rendering} asks.
 */
public final class IncidentJson {

    /** Looked up once: {@code Json.createObjectBuilder()} searches for the provider on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A field: its stored value as a string, and how that value reads to a person (same unless labelled). */
    private record Field(Function<Incident, String> value, UnaryOperator<String> display, boolean userReference) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        plain("sys_id", i -> i.sysId);
        plain("number", i -> i.number);
        plain("short_description", i -> i.shortDescription);
        plain("description", i -> i.description);
        FIELDS.put("state", new Field(i -> String.valueOf(i.state),
                v -> IncidentState.of(Integer.parseInt(v)).map(IncidentState::label).orElse(v), false));
        FIELDS.put("impact", new Field(i -> String.valueOf(i.impact), v -> Level.label(Integer.parseInt(v)), false));
        FIELDS.put("urgency", new Field(i -> String.valueOf(i.urgency), v -> Level.label(Integer.parseInt(v)), false));
        FIELDS.put("priority", new Field(i -> String.valueOf(i.priority), v -> Priority.label(Integer.parseInt(v)), false));
        plain("category", i -> i.category);
        FIELDS.put("caller_id", new Field(i -> i.callerId, UnaryOperator.identity(), true));
        FIELDS.put("assigned_to", new Field(i -> i.assignedTo, UnaryOperator.identity(), true));
        plain("active", i -> String.valueOf(i.active));
        plain("opened_at", i -> date(i.openedAt));
        plain("resolved_at", i -> date(i.resolvedAt));
        plain("closed_at", i -> date(i.closedAt));
        plain("sys_created_on", i -> date(i.sysCreatedOn));
        plain("sys_created_by", i -> i.sysCreatedBy);
        plain("sys_updated_on", i -> date(i.sysUpdatedOn));
        plain("sys_updated_by", i -> i.sysUpdatedBy);
        plain("sys_mod_count", i -> String.valueOf(i.sysModCount));
    }

    /** Every field name, in the order records show them. */
    public static final Set<String> FIELD_NAMES = Set.copyOf(FIELDS.keySet());

    private IncidentJson() {
    }

    private static void plain(String name, Function<Incident, String> value) {
        FIELDS.put(name, new Field(value, UnaryOperator.identity(), false));
    }

    /** The fields {@code sysparm_fields} names, checked; all fields when it is absent. */
    public static List<String> selectFields(String sysparmFields) {
        if (sysparmFields == null || sysparmFields.isBlank()) {
            return List.copyOf(FIELDS.keySet());
        }
        List<String> selected = Arrays.stream(sysparmFields.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        for (String field : selected) {
            if (!FIELDS.containsKey(field)) {
                throw TableApiException.badRequest("Unknown field in sysparm_fields: " + field);
            }
        }
        return selected;
    }

    /** The user names the given records' selected reference fields point to: whose display names are needed. */
    public static Set<String> referencedUsers(List<Incident> records, Rendering rendering) {
        if (rendering.displayValue() == DisplayValue.FALSE) {
            return Set.of();
        }
        List<Field> references = rendering.fields().stream().map(FIELDS::get).filter(Field::userReference).toList();
        return records.stream()
                .flatMap(incident -> references.stream().map(field -> field.value().apply(incident)))
                .flatMap(value -> value == null || value.isEmpty() ? Stream.empty() : Stream.of(value))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static JsonObjectBuilder toJson(Incident incident, Rendering rendering, UserReferences users) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (String name : rendering.fields()) {
            Field field = FIELDS.get(name);
            String value = field.value().apply(incident);
            if (value == null || value.isEmpty()) {
                addEmpty(object, name, rendering);
            } else if (field.userReference()) {
                addUserReference(object, name, value, rendering, users);
            } else {
                addValue(object, name, value, field.display().apply(value), rendering.displayValue());
            }
        }
        return object;
    }

    private static void addEmpty(JsonObjectBuilder object, String name, Rendering rendering) {
        if (rendering.displayValue() == DisplayValue.ALL) {
            object.add(name, JSON.createObjectBuilder().add("display_value", "").add("value", ""));
        } else {
            object.add(name, "");
        }
    }

    private static void addValue(JsonObjectBuilder object, String name, String value, String display, DisplayValue mode) {
        switch (mode) {
            case FALSE -> object.add(name, value);
            case TRUE -> object.add(name, display);
            case ALL -> object.add(name, JSON.createObjectBuilder().add("display_value", display).add("value", value));
        }
    }

    /** ServiceNow's reference shapes: {@code {"link","value"}}, {@code {"display_value","link"}} or all three. */
    private static void addUserReference(JsonObjectBuilder object, String name, String userName, Rendering rendering,
                                         UserReferences users) {
        DisplayValue mode = rendering.displayValue();
        if (!rendering.referenceLinks() && mode != DisplayValue.ALL) {
            object.add(name, mode == DisplayValue.TRUE ? users.displayName(userName) : userName);
            return;
        }
        JsonObjectBuilder reference = JSON.createObjectBuilder();
        if (mode != DisplayValue.FALSE) {
            reference.add("display_value", users.displayName(userName));
        }
        if (rendering.referenceLinks()) {
            reference.add("link", users.link(userName));
        }
        if (mode != DisplayValue.TRUE) {
            reference.add("value", userName);
        }
        object.add(name, reference);
    }

    private static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }
}
