package org.jwtbearer.issuer.client;

import java.util.Arrays;
import java.util.Locale;

/** Which user attribute an assertion's {@code sub} is matched against (ServiceNow's "user field"). */
public enum UserField {
    EMAIL("email"), USER_NAME("user_name"), SYS_ID("sys_id");

    private final String name;

    UserField(String name) {
        this.name = name;
    }

    public String fieldName() {
        return name;
    }

    public static UserField of(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "user_field must be one of email, user_name, sys_id; got " + name));
    }
}
