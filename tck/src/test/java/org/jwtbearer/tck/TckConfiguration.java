package org.jwtbearer.tck;

import java.util.Properties;

import org.eclipse.microprofile.jwt.config.Names;
import org.eclipse.microprofile.jwt.tck.TCKConstants;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Puts each TCK WAR's MicroProfile settings where MicroProfile Config looks for them, and gives the WARs that
 * carry none the settings the TCK documents for them.
 *
 * <p>The TCK adds its {@code microprofile-config.properties} as a manifest resource, i.e. at the WAR's root
 * {@code META-INF/}, which is not on the application's class path: WildFly reads it there too, Payara does
 * not. It is moved to {@code WEB-INF/classes/META-INF/}, the place the MicroProfile Config specification names.
 *
 * <p>The archives of the optional EJB, servlet and JACC tests (and the unsecured ping) are MP-JWT 1.0 archives
 * without settings: the TCK's README leaves their signer key and issuer to the harness. They get the TCK's
 * issuer and its key {@code /publicKey.pem}, which each of them has on its class path.
 */
final class TckConfiguration {

    private static final ArchivePath AT_WAR_ROOT = ArchivePaths.create("META-INF/microprofile-config.properties");
    private static final ArchivePath ON_CLASS_PATH = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private TckConfiguration() {
    }

    static void placeOnClassPath(WebArchive war) {
        if (war.contains(ON_CLASS_PATH)) {
            return;
        }
        Node atRoot = war.get(AT_WAR_ROOT);
        if (atRoot != null && atRoot.getAsset() != null) {
            Asset settings = atRoot.getAsset();
            war.delete(AT_WAR_ROOT); // one copy only, so no server reads two sources
            war.add(settings, ON_CLASS_PATH);
        } else {
            war.add(tckDefaults(), ON_CLASS_PATH);
        }
    }

    private static Asset tckDefaults() {
        Properties defaults = new Properties();
        defaults.setProperty(Names.VERIFIER_PUBLIC_KEY_LOCATION, "/publicKey.pem");
        defaults.setProperty(Names.ISSUER, TCKConstants.TEST_ISSUER);
        StringBuilder text = new StringBuilder("# added by the TCK harness (tck module): the TCK's issuer and key\n");
        defaults.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return new StringAsset(text.toString());
    }
}
