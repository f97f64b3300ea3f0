package org.jwtbearer.incident.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jwtbearer.incident.model.Incident;

/**
 * The {@code If-Match} precondition of RFC 9110 §13.1.1, as a test of the stored incident: {@code *} holds
 * for any incident that exists; a list of entity tags holds when one of them is the incident's current tag
 * by strong comparison (a weak tag never matches). No header: always holds. A value that is not {@code *}
 * or a list of entity tags is a 400 — quietly skipping a check the client asked for would defeat it.
 */
final class IfMatch {

    /** One list element: {@code [W/]"etagc*"}, then a comma or the end (RFC 9110 §8.8.3). */
    private static final Pattern ELEMENT = Pattern.compile("\\G[ \\t]*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"[ \\t]*(?:,|$)");

    private IfMatch() {
    }

    /** The precondition the header values state; {@code null} or no values means there is none. */
    static Predicate<Incident> parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return incident -> true;
        }
        String header = String.join(",", values).strip();
        if (header.equals("*")) {
            return incident -> true;
        }
        Set<String> strongTags = new LinkedHashSet<>();
        Matcher element = ELEMENT.matcher(header);
        int end = 0;
        while (end < header.length()) {
            if (!element.find() || element.start() != end) {
                throw TableApiException.badRequest("If-Match must be * or a list of entity tags");
            }
            if (element.group(1) == null) {
                strongTags.add(element.group(2));
            }
            end = element.end();
        }
        if (end == 0) {
            throw TableApiException.badRequest("If-Match must be * or a list of entity tags");
        }
        return incident -> strongTags.contains(IncidentETag.value(incident));
    }
}
