package org.jwtbearer.example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Counts each caller's visits. An application-scoped bean outlives every request, so it holds the caller's
 * name as a {@link ClaimValue}, which reads the current request's token each time it is asked.
 */
@ApplicationScoped
public class Visits {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Inject
    @Claim(standard = Claims.upn)
    ClaimValue<String> caller;

    /** This caller's visits, this one included. */
    public int count() {
        return counts.merge(caller.getValue(), 1, Integer::sum);
    }

    /** Forgets every caller's visits; how many callers there were. */
    public int forget() {
        int callers = counts.size();
        counts.clear();
        return callers;
    }
}
