package org.jwtbearer.it.apps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Deployed in the test resource servers: answers who the bearer token made the caller. */
@Path("whoami")
public class WhoAmIResource {

    @GET
    @Produces("text/plain")
    public String whoAmI(@Context SecurityContext security) {
        return security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
    }
}
