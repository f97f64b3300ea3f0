package org.jwtbearer.issuer.user;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user as an operator registers it. {@code sysId} is optional: a stable one is derived from the user
 * name when absent, so importing the same file twice gives the same ids.
 */
public record UserDefinition(Optional<String> sysId, String userName, String email, List<String> roles, boolean active) {

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    public UserDefinition {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("user_name is required");
        }
        if (sysId.isPresent() && !SYS_ID.matcher(sysId.get()).matches()) {
            throw new IllegalArgumentException("sys_id must be 32 lowercase hexadecimal characters");
        }
        roles = List.copyOf(roles);
    }
}
