package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jwtbearer.it.apps.WhoAmIApplication;
import org.jwtbearer.it.apps.WhoAmIResource;

/**
 * A small resource server protected by the real built security-module (the very jars the resource API WAR
 * ships) and nothing else: {@code GET /whoami} behind a {@code **} constraint, configured by its own
 * {@code microprofile-config.properties}.
 *
 * <p>The product's settings are JVM-wide system properties in arquillian.xml (ordinal 400), which would win over
 * a deployment's properties file (ordinal 100). The file therefore raises its own ordinal with the standard
 * {@code config_ordinal} key (MicroProfile Config §"Default ConfigSources"), so this deployment — and only
 * this one, config sources being per application — verifies against what the suite chose, exactly as an
 * operator could configure any application, with no server-specific descriptor.
 */
public final class TestResourceServer {

    /** Above the system properties' 400. */
    static final int ORDINAL = 500;

    private TestResourceServer() {
    }

    public static WebArchive war(String name, Properties settings) {
        Properties config = new Properties();
        config.putAll(settings);
        config.setProperty("config_ordinal", Integer.toString(ORDINAL));
        StringWriter properties = new StringWriter();
        try {
            config.store(properties, "test resource server " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withProductLibraries(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(WhoAmIApplication.class, WhoAmIResource.class)
                .addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(WEB_XML), "web.xml"));
    }

    /**
     * The libraries of the built resource API WAR — the security-module and what it needs, as the product ships
     * them — added to {@code war}.
     */
    private static WebArchive withProductLibraries(WebArchive war) {
        WebArchive resourceApi = Deployments.ear().getAsType(WebArchive.class, "resource-api.war");
        Node lib = resourceApi.get("/WEB-INF/lib");
        for (Node jar : lib.getChildren()) {
            String path = jar.getPath().get();
            war.addAsLibrary(jar.getAsset(), path.substring(path.lastIndexOf('/') + 1));
        }
        return war;
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>whoami</web-resource-name>
                        <url-pattern>/whoami</url-pattern>
                    </web-resource-collection>
                    <auth-constraint>
                        <role-name>**</role-name>
                    </auth-constraint>
                </security-constraint>
            </web-app>
            """;
}
