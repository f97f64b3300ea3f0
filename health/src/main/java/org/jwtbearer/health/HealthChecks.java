package org.jwtbearer.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.health.HealthCheck;

/**
 * The checks the applications of this deployment registered, which {@link ApplicationReadiness} reports.
 *
 * <p>Why a registry and not {@code @Readiness} beans in each application: WildFly finds MicroProfile Health checks
 * only in the bean archives its health extension sees, and in an EAR those are the EAR's libraries, not its WARs.
 * This class lives in the EAR's {@code lib/} (in a WAR deployed alone, in its {@code WEB-INF/lib}), so it is one
 * registry for every application of the deployment; each application registers its checks when it starts, made in
 * its own context (its datasource, its threads), and removes them when it stops.
 */
public final class HealthChecks {

    private static final List<HealthCheck> READINESS = new CopyOnWriteArrayList<>();

    private HealthChecks() {
    }

    public static void addReadiness(HealthCheck check) {
        READINESS.add(check);
    }

    public static void remove(HealthCheck check) {
        READINESS.remove(check);
    }

    static List<HealthCheck> readiness() {
        return List.copyOf(READINESS);
    }
}
