package org.jwtbearer.issuer.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The encodings a token response can be asked for with {@code format} (ServiceNow's {@code oauth_token.do}
 * parameter): JSON by default, or form-urlencoded, or XML. Errors use the same encoding as successes.
 */
public enum ResponseFormat {
    JSON("application/json;charset=UTF-8"),
    URLENCODED("application/x-www-form-urlencoded;charset=UTF-8"),
    XML("application/xml;charset=UTF-8");

    /** Looked up once: {@code Json.createObjectBuilder()} searches for the provider on every call. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named by the parameter; empty when the name is not one of ours. */
    public static Optional<ResponseFormat> named(String name) {
        return switch (name) {
            case "json" -> Optional.of(JSON);
            case "urlencoded" -> Optional.of(URLENCODED);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** Encodes members in order; values are strings or numbers. */
    public String encode(Map<String, Object> members) {
        return switch (this) {
            case JSON -> json(members);
            case URLENCODED -> members.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            case XML -> members.entrySet().stream()
                    .map(e -> "<" + e.getKey() + ">" + xmlText(String.valueOf(e.getValue())) + "</" + e.getKey() + ">")
                    .collect(Collectors.joining("", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><response>", "</response>"));
        };
    }

    public static Map<String, Object> members(Object... nameValuePairs) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                members.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
            }
        }
        return members;
    }

    private static String json(Map<String, Object> members) {
        JsonObjectBuilder object = PROVIDER.createObjectBuilder();
        members.forEach((name, value) -> {
            if (value instanceof Number number) {
                object.add(name, number.longValue());
            } else {
                object.add(name, String.valueOf(value));
            }
        });
        return object.build().toString();
    }

    private static String xmlText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
