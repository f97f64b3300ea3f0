package org.jwtbearer.issuer.keys;

/** What a request to rotate the signing keys came to. */
public sealed interface RotationOutcome {

    /** The next key signs now; {@code keys} are the keys after the rotation. */
    record Rotated(String retiredKid, String currentKid, String nextKid, KeyRing keys) implements RotationOutcome {
    }

    /** Nothing changed, for the reason given (safe to show to the operator). */
    record Refused(String reason) implements RotationOutcome {
    }
}
