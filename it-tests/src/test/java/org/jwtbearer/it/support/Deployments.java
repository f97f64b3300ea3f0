package org.jwtbearer.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real archives the build made: tests deploy what users deploy, never a hand-assembled copy. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("it.ear", "target/deployments/jwtbearer.ear"));
        return ShrinkWrap.create(ZipImporter.class, "jwtbearer.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** The example application, at {@code /jwtbearer-example}. */
    public static WebArchive exampleWar() {
        File war = new File(System.getProperty("it.example.war", "target/deployments/jwtbearer-example.war"));
        return ShrinkWrap.create(ZipImporter.class, "jwtbearer-example.war").importFrom(war).as(WebArchive.class);
    }
}
