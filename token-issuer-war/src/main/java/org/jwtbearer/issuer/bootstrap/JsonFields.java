package org.jwtbearer.issuer.bootstrap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jwtbearer.issuer.support.Storable;

/**
 * Typed reads of a registry JSON object, failing with the field's path on any surprise — including a field
 * name that is not part of the format, so a typo is an error rather than a silently ignored setting.
 */
final class JsonFields {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JsonObject object;
    private final String path;

    JsonFields(JsonObject object, String path, Set<String> allowed) {
        this.object = object;
        this.path = path;
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(path + ": unknown field '" + name + "'");
            }
        }
    }

    String path() {
        return path;
    }

    /** The member's value; empty when it is absent or JSON null, which both mean "use the default". */
    private Optional<JsonValue> value(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
    }

    Optional<String> string(String name) {
        return value(name).map(value -> {
            if (!(value instanceof JsonString s)) {
                throw wrongType(name, "a string");
            }
            if (!Storable.text(s.getString())) {
                throw new IllegalArgumentException(path + "." + name + " must not contain the character U+0000");
            }
            return s.getString();
        });
    }

    String requiredString(String name) {
        return string(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(path + "." + name + " is required"));
    }

    boolean bool(String name, boolean defaultValue) {
        JsonValue value = value(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw wrongType(name, "true or false");
    }

    long seconds(String name, long defaultValue) {
        return value(name).map(value -> {
            // Compared as a BigDecimal: 1e30 is integral but no long, and 1e999999999 must not be expanded at all.
            if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(LONG_MIN) < 0
                    || n.bigDecimalValue().compareTo(LONG_MAX) > 0) {
                throw wrongType(name, "a whole number of seconds");
            }
            return n.longValue();
        }).orElse(defaultValue);
    }

    List<String> strings(String name, List<String> defaultValue) {
        JsonValue value = value(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(name, "an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw wrongType(name, "an array of strings");
            }
            if (!Storable.text(s.getString())) {
                throw new IllegalArgumentException(path + "." + name + " must not contain the character U+0000");
            }
            strings.add(s.getString());
        }
        return strings;
    }

    List<JsonObject> objects(String name) {
        JsonValue value = value(name).orElse(null);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(name, "an array of objects");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject o)) {
                throw wrongType(name, "an array of objects");
            }
            objects.add(o);
        }
        return objects;
    }

    Optional<JsonObject> object(String name) {
        return value(name).map(value -> {
            if (!(value instanceof JsonObject o)) {
                throw wrongType(name, "an object");
            }
            return o;
        });
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException(path + "." + name + " must be " + expected);
    }
}
