package org.jwtbearer.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build made: tests deploy what users deploy, never a hand-assembled copy. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("it.ear", "target/deployments/jwtbearer.ear"));
        return ShrinkWrap.create(ZipImporter.class, "jwtbearer.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
