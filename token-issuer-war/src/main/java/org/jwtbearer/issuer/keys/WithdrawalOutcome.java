package org.jwtbearer.issuer.keys;

/** What a request to withdraw a signing key from publication came to. */
public sealed interface WithdrawalOutcome {

    /** The key is no longer published; {@code keys} are the keys after it. */
    record Withdrawn(KeyRing keys) implements WithdrawalOutcome {
    }

    /** No key has this kid. */
    record Unknown() implements WithdrawalOutcome {
    }

    /** Nothing changed, for the reason given (safe to show to the operator). */
    record Refused(String reason) implements WithdrawalOutcome {
    }
}
