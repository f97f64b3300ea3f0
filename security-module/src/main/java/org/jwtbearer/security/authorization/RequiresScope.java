package org.jwtbearer.security.authorization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access token must grant every one of these scopes (its {@code scope} claim, RFC 9068 §2.2.3) for the
 * JAX-RS resource class or method to be called. An anonymous caller gets 401 with the Bearer challenge; a
 * token without one of the scopes gets 403 with {@code error="insufficient_scope"} and {@code scope="…"}
 * listing what is required (RFC 6750 §3.1).
 *
 * <p>A method's annotation replaces its class's, as with {@code @RolesAllowed}; a method marked
 * {@code @PermitAll} without an annotation of its own needs no scope. Scopes and roles are independent:
 * a method with both needs both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /** The scopes, all required. */
    String[] value();
}
