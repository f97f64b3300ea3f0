package org.jwtbearer.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The example's JAX-RS application: everything under the context root ({@code /jwtbearer-example}). */
@ApplicationPath("/")
public class GreetingsApplication extends Application {
}
