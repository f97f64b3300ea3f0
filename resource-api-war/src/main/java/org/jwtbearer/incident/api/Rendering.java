package org.jwtbearer.incident.api;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * How a request wants records shown: which fields ({@code sysparm_fields}), stored or display values
 * ({@code sysparm_display_value}), and whether reference fields carry a link to the referenced record
 * ({@code sysparm_exclude_reference_link}, links shown by default as ServiceNow shows them).
 */
public record Rendering(List<String> fields, DisplayValue displayValue, boolean referenceLinks) {

    public Rendering {
        fields = List.copyOf(fields);
    }

    /** Read from a request's query parameters; a bad value of any of them is a 400. */
    public static Rendering from(MultivaluedMap<String, String> query) {
        return new Rendering(IncidentJson.selectFields(query.getFirst("sysparm_fields")),
                DisplayValue.parse(query.getFirst("sysparm_display_value")),
                !flag("sysparm_exclude_reference_link", query.getFirst("sysparm_exclude_reference_link")));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw TableApiException.badRequest(name + " must be true or false");
        };
    }
}
