package org.jwtbearer.issuer.user;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user as an operator registers it. {@code sysId} is optional: a stable one is derived from the user
 * name when absent, so importing the same file twice gives the same ids. {@code name} is the display name
 * (ServiceNow's {@code sys_user.name}), optional.
 */
public record UserDefinition(Optional<String> sysId, String userName, String name, String email, List<String> roles,
                             boolean active, boolean lockedOut) {

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    public UserDefinition {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("user_name is required");
        }
        if (sysId.isPresent() && !SYS_ID.matcher(sysId.get()).matches()) {
            throw new IllegalArgumentException("sys_id must be 32 lowercase hexadecimal characters");
        }
        if (userName.length() > 255) {
            throw new IllegalArgumentException("user_name is longer than 255 characters");
        }
        if (name != null && name.length() > 255) {
            throw new IllegalArgumentException("name is longer than 255 characters");
        }
        if (email != null && email.length() > 320) {
            throw new IllegalArgumentException("email is longer than 320 characters");
        }
        for (String role : roles) {
            if (role.isBlank() || role.length() > 255) {
                throw new IllegalArgumentException("roles must be non-empty names of at most 255 characters");
            }
        }
        roles = List.copyOf(roles);
    }
}
