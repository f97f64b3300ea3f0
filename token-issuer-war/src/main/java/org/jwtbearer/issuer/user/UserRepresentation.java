package org.jwtbearer.issuer.user;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A stored user in the registry file's JSON shape (SPEC §5), plus, when asked, its read-only version. */
final class UserRepresentation {

    static final String VERSION = "version";

    private UserRepresentation() {
    }

    static JsonObject of(UserEntity u, boolean withReadOnly) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("sys_id", u.sysId)
                .add("user_name", u.userName);
        if (u.name != null) {
            json.add("name", u.name);
        }
        if (u.email != null) {
            json.add("email", u.email);
        }
        JsonArrayBuilder roles = Json.createArrayBuilder();
        u.roles.stream().sorted().forEach(roles::add);
        json.add("roles", roles).add("active", u.active).add("locked_out", u.lockedOut);
        if (withReadOnly) {
            json.add(VERSION, u.version);
        }
        return json.build();
    }
}
