package org.jwtbearer.security.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Provider;

import org.eclipse.microprofile.jwt.ClaimValue;
import org.junit.jupiter.api.Test;

class ClaimInjectionCheckTest {

    @Test
    void refusesPlainClaimsInBeansThatOutliveTheRequest() {
        assertTrue(ClaimInjectionCheck.refuses(ApplicationScoped.class, String.class));
        assertTrue(ClaimInjectionCheck.refuses(SessionScoped.class, new TypeLiteral<Set<String>>() { }.getType()));
        assertTrue(ClaimInjectionCheck.refuses(ApplicationScoped.class, long.class));
    }

    @Test
    void allowsClaimValueProviderAndInstanceAnywhere() {
        assertFalse(ClaimInjectionCheck.refuses(ApplicationScoped.class, new TypeLiteral<ClaimValue<String>>() { }.getType()));
        assertFalse(ClaimInjectionCheck.refuses(ApplicationScoped.class, new TypeLiteral<Provider<String>>() { }.getType()));
        assertFalse(ClaimInjectionCheck.refuses(SessionScoped.class, new TypeLiteral<Instance<Long>>() { }.getType()));
    }

    @Test
    void allowsPlainClaimsInRequestScopedAndDependentBeans() {
        assertFalse(ClaimInjectionCheck.refuses(RequestScoped.class, String.class));
        assertFalse(ClaimInjectionCheck.refuses(Dependent.class, String.class));
    }
}
