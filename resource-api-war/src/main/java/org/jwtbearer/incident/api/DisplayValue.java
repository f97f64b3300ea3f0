package org.jwtbearer.incident.api;

import java.util.Locale;

/**
 * {@code sysparm_display_value}: stored values ({@code false}, the default), what a person reads
 * ({@code true}: state "In Progress", priority "1 - Critical", a user's name), or both side by side ({@code all}).
 */
public enum DisplayValue {
    FALSE, TRUE, ALL;

    /** The parameter's value, case-insensitive; null or blank is {@link #FALSE}. */
    public static DisplayValue parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return FALSE;
        }
        return switch (parameter.strip().toLowerCase(Locale.ROOT)) {
            case "false" -> FALSE;
            case "true" -> TRUE;
            case "all" -> ALL;
            default -> throw TableApiException.badRequest("sysparm_display_value must be true, false or all");
        };
    }
}
