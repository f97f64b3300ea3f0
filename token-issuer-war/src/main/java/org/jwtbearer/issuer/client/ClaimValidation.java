package org.jwtbearer.issuer.client;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A value a claim of the client's assertions may have (exact string comparison). Several values for one claim
 * are alternatives; different claims must all hold.
 */
@Embeddable
public class ClaimValidation {

    @Column(name = "claim_name", nullable = false, length = 255)
    String claim;

    @Column(name = "claim_value", nullable = false, length = 1024)
    String value;

    protected ClaimValidation() {
    }

    public ClaimValidation(String claim, String value) {
        this.claim = claim;
        this.value = value;
    }

    public String claim() {
        return claim;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimValidation other && claim.equals(other.claim) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, value);
    }
}
