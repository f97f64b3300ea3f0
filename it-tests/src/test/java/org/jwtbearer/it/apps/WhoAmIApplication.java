package org.jwtbearer.it.apps;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test resource servers' JAX-RS application: nothing but {@link WhoAmIResource}. */
@ApplicationPath("/")
public class WhoAmIApplication extends Application {
}
