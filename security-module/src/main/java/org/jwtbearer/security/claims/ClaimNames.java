package org.jwtbearer.security.claims;

import java.util.Optional;

import jakarta.enterprise.inject.spi.InjectionPoint;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/** The claim an {@code @Claim} injection point names: {@code value}, or {@code standard}, or both when they agree. */
final class ClaimNames {

    private ClaimNames() {
    }

    static String of(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (standard != Claims.UNKNOWN && !value.isEmpty() && !value.equals(standard.name())) {
            throw new IllegalStateException("@Claim names two claims: value \"" + value + "\" and standard " + standard.name());
        }
        if (standard != Claims.UNKNOWN) {
            return standard.name();
        }
        if (value.isEmpty()) {
            throw new IllegalStateException("@Claim names no claim: set value or standard");
        }
        return value;
    }

    static String of(InjectionPoint injectionPoint) {
        Optional<Claim> claim = injectionPoint.getQualifiers().stream()
                .filter(Claim.class::isInstance).map(Claim.class::cast).findFirst();
        return of(claim.orElseThrow(() -> new IllegalStateException("Not a @Claim injection point: " + injectionPoint)));
    }
}
