package org.jwtbearer.incident.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a reference to a user shows: the link to the user's {@code sys_user} record and the user's display
 * name — known names only; a user the directory has not heard of is shown by user name.
 */
public final class UserReferences {

    private final String userTable;
    private final Map<String, String> displayNames;

    /**
     * @param userTable    the {@code sys_user} table's URL; a user's link is this, a slash and the user name
     * @param displayNames display names by user name, for the users the rendered records refer to
     */
    public UserReferences(String userTable, Map<String, String> displayNames) {
        this.userTable = userTable;
        this.displayNames = Map.copyOf(displayNames);
    }

    String link(String userName) {
        return userTable + "/" + pathSegment(userName);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters: a user name may hold anything. */
    private static String pathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    String displayName(String userName) {
        return displayNames.getOrDefault(userName, userName);
    }
}
