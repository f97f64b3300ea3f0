package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.jwtbearer.incident.model.Incident;
import org.jwtbearer.incident.model.IncidentState;

class IncidentJsonTest {

    private static final UserReferences USERS = new UserReferences("https://example.test/api/now/table/sys_user",
            Map.of("abel.tuter", "Abel Tuter"));

    private static Incident incident() {
        Incident incident = new Incident();
        incident.sysId = "0123456789abcdef0123456789abcdef";
        incident.impact = 1;
        incident.urgency = 2;
        incident.priority = 2;
        incident.callerId = "abel.tuter";
        incident.assignedTo = "fred luddy";
        incident.changeState(IncidentState.IN_PROGRESS, Instant.parse("2030-01-01T10:00:00Z"));
        return incident;
    }

    private static JsonObject render(String fields, DisplayValue mode, boolean links) {
        return IncidentJson.toJson(incident(), new Rendering(IncidentJson.selectFields(fields), mode, links), USERS).build();
    }

    @Test
    void toJsonWhenStoredValuesThenNumbersAsStringsAndReferenceLinks() {
        JsonObject json = render("state,priority,impact,caller_id", DisplayValue.FALSE, true);

        assertEquals("2", json.getString("state"));
        assertEquals("2", json.getString("priority"));
        assertEquals("1", json.getString("impact"));
        assertEquals("{\"link\":\"https://example.test/api/now/table/sys_user/abel.tuter\",\"value\":\"abel.tuter\"}",
                json.getJsonObject("caller_id").toString());
    }

    @Test
    void toJsonWhenDisplayValuesThenLabelsAndNames() {
        JsonObject json = render("state,priority,impact,urgency,caller_id,active", DisplayValue.TRUE, false);

        assertEquals("In Progress", json.getString("state"));
        assertEquals("2 - High", json.getString("priority"));
        assertEquals("1 - High", json.getString("impact"));
        assertEquals("2 - Medium", json.getString("urgency"));
        assertEquals("Abel Tuter", json.getString("caller_id"));
        assertEquals("true", json.getString("active"));
    }

    @Test
    void toJsonWhenDisplayValuesWithLinksThenDisplayValueAndLinkWithoutValue() {
        JsonObject json = render("caller_id", DisplayValue.TRUE, true);

        assertEquals("{\"display_value\":\"Abel Tuter\",\"link\":\"https://example.test/api/now/table/sys_user/abel.tuter\"}",
                json.getJsonObject("caller_id").toString());
    }

    @Test
    void toJsonWhenAllThenBothSideBySide() {
        JsonObject json = render("state,caller_id,resolved_at", DisplayValue.ALL, false);

        assertEquals("{\"display_value\":\"In Progress\",\"value\":\"2\"}", json.getJsonObject("state").toString());
        assertEquals("{\"display_value\":\"Abel Tuter\",\"value\":\"abel.tuter\"}", json.getJsonObject("caller_id").toString());
        assertEquals("{\"display_value\":\"\",\"value\":\"\"}", json.getJsonObject("resolved_at").toString());
    }

    @Test
    void toJsonWhenUserUnknownThenUserNameShownAndLinkEncoded() {
        JsonObject json = render("assigned_to", DisplayValue.ALL, true);

        assertEquals("{\"display_value\":\"fred luddy\",\"link\":\"https://example.test/api/now/table/sys_user/fred%20luddy\","
                + "\"value\":\"fred luddy\"}", json.getJsonObject("assigned_to").toString());
    }

    @Test
    void toJsonWhenReferenceEmptyThenEmptyStringWithoutLink() {
        Incident incident = incident();
        incident.assignedTo = null;

        JsonObject json = IncidentJson.toJson(incident, new Rendering(List.of("assigned_to"), DisplayValue.FALSE, true), USERS).build();

        assertEquals("", json.getString("assigned_to"));
    }

    @Test
    void referencedUsersWhenStoredValuesThenNoneNeeded() {
        Rendering values = new Rendering(IncidentJson.selectFields(null), DisplayValue.FALSE, true);
        Rendering display = new Rendering(IncidentJson.selectFields("caller_id,state"), DisplayValue.TRUE, true);

        assertEquals(Set.of(), IncidentJson.referencedUsers(List.of(incident()), values));
        assertEquals(Set.of("abel.tuter"), IncidentJson.referencedUsers(List.of(incident()), display));
    }

    @Test
    void parseWhenDisplayValueUnknownThenBadRequest() {
        assertEquals(DisplayValue.ALL, DisplayValue.parse(" All "));
        assertEquals(DisplayValue.FALSE, DisplayValue.parse(null));
        TableApiException e = assertThrows(TableApiException.class, () -> DisplayValue.parse("yes"));
        assertEquals(400, e.status());
    }
}
