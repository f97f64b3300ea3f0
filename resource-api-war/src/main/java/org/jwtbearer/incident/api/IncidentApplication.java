package org.jwtbearer.incident.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Table API under {@code /api/now} (the WAR's context root is {@code /api}). */
@ApplicationPath("/now")
public class IncidentApplication extends Application {
}
