package org.jwtbearer.issuer.endpoint;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The issuer's JAX-RS application, at the root of its context so the ServiceNow paths keep their shape. */
@ApplicationPath("/")
public class IssuerApplication extends Application {
}
