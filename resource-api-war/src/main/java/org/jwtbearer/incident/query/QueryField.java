package org.jwtbearer.incident.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The incident fields a query may name: the whitelist, each with its type and the entity attribute behind it.
 * Nothing else from the query ever reaches the database as a name.
 */
public enum QueryField {
    SYS_ID("sys_id", "sysId", FieldType.STRING),
    NUMBER("number", "number", FieldType.STRING),
    SHORT_DESCRIPTION("short_description", "shortDescription", FieldType.STRING),
    DESCRIPTION("description", "description", FieldType.STRING),
    CATEGORY("category", "category", FieldType.STRING),
    SYS_CREATED_BY("sys_created_by", "sysCreatedBy", FieldType.STRING),
    SYS_UPDATED_BY("sys_updated_by", "sysUpdatedBy", FieldType.STRING),
    CALLER_ID("caller_id", "callerId", FieldType.REFERENCE),
    ASSIGNED_TO("assigned_to", "assignedTo", FieldType.REFERENCE),
    STATE("state", "state", FieldType.INTEGER),
    IMPACT("impact", "impact", FieldType.INTEGER),
    URGENCY("urgency", "urgency", FieldType.INTEGER),
    PRIORITY("priority", "priority", FieldType.INTEGER),
    SYS_MOD_COUNT("sys_mod_count", "sysModCount", FieldType.INTEGER),
    ACTIVE("active", "active", FieldType.BOOLEAN),
    OPENED_AT("opened_at", "openedAt", FieldType.DATE_TIME),
    RESOLVED_AT("resolved_at", "resolvedAt", FieldType.DATE_TIME),
    CLOSED_AT("closed_at", "closedAt", FieldType.DATE_TIME),
    SYS_CREATED_ON("sys_created_on", "sysCreatedOn", FieldType.DATE_TIME),
    SYS_UPDATED_ON("sys_updated_on", "sysUpdatedOn", FieldType.DATE_TIME);

    private static final Map<String, QueryField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(QueryField::fieldName, Function.identity()));

    private final String fieldName;
    private final String attribute;
    private final FieldType type;

    QueryField(String fieldName, String attribute, FieldType type) {
        this.fieldName = fieldName;
        this.attribute = attribute;
        this.type = type;
    }

    /** The name the Table API shows, e.g. {@code short_description}. */
    public String fieldName() {
        return fieldName;
    }

    /** The {@code Incident} attribute it maps to, e.g. {@code shortDescription}. */
    public String attribute() {
        return attribute;
    }

    public FieldType type() {
        return type;
    }

    public static Optional<QueryField> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
