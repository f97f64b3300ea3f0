package org.jwtbearer.security.claims;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.inject.Provider;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * Refuses to deploy a bean that outlives a request ({@code @ApplicationScoped}, {@code @SessionScoped}) but
 * takes a claim as a plain value, which would keep the first caller's claim for every later caller: such a
 * bean must use {@link ClaimValue}, {@code Provider} or {@code Instance} (MicroProfile JWT 2.1 §7.1.3).
 */
public class ClaimInjectionCheck implements Extension {

    void check(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        for (InjectionPoint injectionPoint : bean.getInjectionPoints()) {
            boolean claim = injectionPoint.getQualifiers().stream().anyMatch(Claim.class::isInstance);
            if (claim && refuses(bean.getScope(), injectionPoint.getType())) {
                event.addDefinitionError(new IllegalStateException("@Claim " + injectionPoint.getType().getTypeName()
                        + " cannot be injected into " + bean.getBeanClass().getName() + ", which is @" + bean.getScope().getSimpleName()
                        + ": a claim differs per request, so inject ClaimValue<" + injectionPoint.getType().getTypeName() + "> instead ("
                        + injectionPoint.getMember() + ")"));
            }
        }
    }

    /** Whether a bean of this scope may not hold a claim of this type. */
    static boolean refuses(Class<? extends Annotation> scope, Type injected) {
        boolean outlivesRequest = scope == ApplicationScoped.class || scope == SessionScoped.class;
        return outlivesRequest && !readsEachTime(injected);
    }

    private static boolean readsEachTime(Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        return raw == ClaimValue.class || raw == Provider.class || raw == Instance.class;
    }
}
