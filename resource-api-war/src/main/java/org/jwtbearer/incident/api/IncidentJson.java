package org.jwtbearer.incident.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.jwtbearer.incident.model.Incident;

/**
 * An incident as the Table API shows it: every value a string (empty when unset), dates as
 * {@code yyyy-MM-dd HH:mm:ss} in UTC, fields in a fixed order.
 */
public final class IncidentJson {

    /** Looked up once: {@code Json.createObjectBuilder()} searches for the provider on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final Map<String, Function<Incident, String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("sys_id", i -> i.sysId);
        FIELDS.put("number", i -> i.number);
        FIELDS.put("short_description", i -> i.shortDescription);
        FIELDS.put("description", i -> i.description);
        FIELDS.put("state", i -> String.valueOf(i.state));
        FIELDS.put("impact", i -> String.valueOf(i.impact));
        FIELDS.put("urgency", i -> String.valueOf(i.urgency));
        FIELDS.put("priority", i -> String.valueOf(i.priority));
        FIELDS.put("category", i -> i.category);
        FIELDS.put("caller_id", i -> i.callerId);
        FIELDS.put("assigned_to", i -> i.assignedTo);
        FIELDS.put("active", i -> String.valueOf(i.active));
        FIELDS.put("opened_at", i -> date(i.openedAt));
        FIELDS.put("resolved_at", i -> date(i.resolvedAt));
        FIELDS.put("closed_at", i -> date(i.closedAt));
        FIELDS.put("sys_created_on", i -> date(i.sysCreatedOn));
        FIELDS.put("sys_created_by", i -> i.sysCreatedBy);
        FIELDS.put("sys_updated_on", i -> date(i.sysUpdatedOn));
        FIELDS.put("sys_updated_by", i -> i.sysUpdatedBy);
        FIELDS.put("sys_mod_count", i -> String.valueOf(i.sysModCount));
    }

    /** Every field name, in the order records show them. */
    public static final Set<String> FIELD_NAMES = Set.copyOf(FIELDS.keySet());

    private IncidentJson() {
    }

    /** The fields {@code sysparm_fields} names, checked; all fields when it is absent. */
    public static List<String> selectFields(String sysparmFields) {
        if (sysparmFields == null || sysparmFields.isBlank()) {
            return List.copyOf(FIELDS.keySet());
        }
        List<String> selected = java.util.Arrays.stream(sysparmFields.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        for (String field : selected) {
            if (!FIELDS.containsKey(field)) {
                throw TableApiException.badRequest("Unknown field in sysparm_fields: " + field);
            }
        }
        return selected;
    }

    public static JsonObjectBuilder toJson(Incident incident, List<String> fields) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (String field : fields) {
            String value = FIELDS.get(field).apply(incident);
            object.add(field, value == null ? "" : value);
        }
        return object;
    }

    private static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }
}
