package org.jwtbearer.issuer.user;

import java.util.Set;

/**
 * A user, immutable. {@code sysId} is the stable identifier that becomes the access token's {@code sub}.
 *
 * @param name      the display name, or null
 * @param lockedOut locked out (ServiceNow's {@code locked_out}): like inactive, no token may be issued for it
 */
public record User(String sysId, String userName, String name, String email, Set<String> roles, boolean active, boolean lockedOut) {
}
