package org.jwtbearer.tck;

import java.io.File;
import java.util.Arrays;

/**
 * The jars that make the MP-JWT implementation of a TCK WAR: the security module and its run-time dependencies,
 * copied by the build (tck/pom.xml, {@code copy-implementation}) into the directory named by
 * {@value #PROPERTY}. Maven decides what they are, so a dependency the module gains is deployed without a
 * change here.
 */
final class ImplementationJars {

    static final String PROPERTY = "tck.implementation.dir";

    private ImplementationJars() {
    }

    static File[] fromSystemProperty() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set: run the TCK through Maven (tck/pom.xml)");
        }
        File[] jars = new File(dir).listFiles((parent, name) -> name.endsWith(".jar"));
        // Deploying a TCK WAR without the implementation would test the server, not the module: refuse instead.
        if (jars == null || Arrays.stream(jars).noneMatch(jar -> jar.getName().startsWith("security-module"))) {
            throw new IllegalStateException("No security-module jar in " + dir + " (" + PROPERTY + ")");
        }
        Arrays.sort(jars); // the same WAR on every run
        return jars;
    }
}
