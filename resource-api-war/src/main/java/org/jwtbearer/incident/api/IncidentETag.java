package org.jwtbearer.incident.api;

import jakarta.ws.rs.core.EntityTag;

import org.jwtbearer.incident.model.Incident;

/**
 * The entity tag of an incident: {@code "<sys_id>-<sys_mod_count>"}. Every change made through the API adds
 * one to {@code sys_mod_count} and nothing else changes a stored incident, so the tag changes exactly when
 * the record does; the sys_id in it keeps one record's tag from ever matching another's. It names the
 * record's revision, whichever fields ({@code sysparm_fields}) an answer shows, and is sent as a strong tag
 * so that {@code If-Match}, which compares strongly, can use it.
 */
final class IncidentETag {

    private IncidentETag() {
    }

    static EntityTag of(Incident incident) {
        return new EntityTag(value(incident));
    }

    /** The tag's opaque value, without quotes. */
    static String value(Incident incident) {
        return incident.sysId + "-" + incident.sysModCount;
    }
}
