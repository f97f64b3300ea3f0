package org.jwtbearer.security.claims;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Turns a claim value as the token holds it (String, Long/Double/BigInteger, Boolean, List, Map, or the
 * {@code Set<String>} {@code aud} and {@code groups} are read as) into the type an injection point asks for,
 * as MicroProfile JWT defines the injectable types: {@code String}, {@code Long}/{@code long},
 * {@code Boolean}/{@code boolean}, {@code Double}/{@code double}, {@code Set<String>}, the {@code jakarta.json}
 * types and {@code Optional} of any of them.
 *
 * <p>An absent claim is {@code null} (an empty {@code Optional}; 0 or false for a primitive, which cannot be
 * null). A claim whose JSON type cannot become the requested type is a mistake in the application, reported
 * with the claim's name.
 */
public final class ClaimConversion {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ClaimConversion() {
    }

    public static Object convert(String claim, Object value, Type target) {
        if (target instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return Optional.ofNullable(convert(claim, value, parameterized.getActualTypeArguments()[0]));
        }
        if (target == long.class || target == boolean.class || target == double.class) {
            return value == null ? primitiveDefault(target) : convert(claim, value, boxed(target));
        }
        if (value == null) {
            return null;
        }
        if (target == String.class) {
            return value instanceof String s ? s : json(value).toString();
        }
        if (target == Long.class && value instanceof Number number) {
            return integral(claim, number);
        }
        if (target == Double.class && value instanceof Number number) {
            return number.doubleValue();
        }
        if (target == Boolean.class && value instanceof Boolean bool) {
            return bool;
        }
        if (isSetOfStrings(target)) {
            return stringSet(claim, value);
        }
        if (target instanceof Class<?> type && JsonValue.class.isAssignableFrom(type)) {
            JsonValue json = json(value);
            if (type.isInstance(json)) {
                return json;
            }
        }
        if (target == Object.class) {
            return value;
        }
        throw mismatch(claim, value, target);
    }

    /** The claim as JSON: numbers keep their kind, collections become arrays and maps objects. */
    public static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof BigDecimal big) {
            return JSON.createValue(big);
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, item) -> object.add(String.valueOf(key), json(item)));
            return object.build();
        }
        return JSON.createValue(value.toString());
    }

    static boolean isSetOfStrings(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Set.class && p.getActualTypeArguments()[0] == String.class;
    }

    private static Set<String> stringSet(String claim, Object value) {
        if (value instanceof String s) {
            return Set.of(s);
        }
        if (value instanceof Collection<?> items) {
            Set<String> set = new LinkedHashSet<>();
            for (Object item : items) {
                if (!(item instanceof String s)) {
                    throw mismatch(claim, value, Set.class);
                }
                set.add(s);
            }
            return java.util.Collections.unmodifiableSet(set);
        }
        throw mismatch(claim, value, Set.class);
    }

    private static long integral(String claim, Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        try {
            return new BigDecimal(number.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw mismatch(claim, number, Long.class);
        }
    }

    private static Object primitiveDefault(Type primitive) {
        return primitive == long.class ? (Object) 0L : primitive == double.class ? (Object) 0.0 : (Object) false;
    }

    private static Type boxed(Type primitive) {
        return primitive == long.class ? Long.class : primitive == double.class ? Double.class : Boolean.class;
    }

    private static IllegalStateException mismatch(String claim, Object value, Type target) {
        String kind = value instanceof String ? "a string" : value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean"
                : value instanceof Collection ? "an array" : value instanceof Map ? "an object" : value.getClass().getSimpleName();
        return new IllegalStateException("Claim '" + claim + "' is " + kind + " and cannot be injected as " + target.getTypeName());
    }
}
