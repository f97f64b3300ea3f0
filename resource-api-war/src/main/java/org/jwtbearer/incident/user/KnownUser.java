package org.jwtbearer.incident.user;

/** What a caller's access token says about them: user name ({@code upn}), {@code sub} and {@code name}. */
public record KnownUser(String userName, String sysId, String name) {

    private static final int MAX_LENGTH = 255;

    /** The parts a directory can keep: over-long or malformed values are dropped, not truncated. */
    public KnownUser {
        sysId = sysId != null && sysId.matches("[0-9a-f]{32}") ? sysId : null;
        name = name != null && !name.isBlank() && name.length() <= MAX_LENGTH ? name : null;
    }

    public boolean storable() {
        return userName != null && !userName.isBlank() && userName.length() <= MAX_LENGTH;
    }
}
