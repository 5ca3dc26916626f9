package dev.verifytoken.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build produced, exactly as it ships: the integration tests deploy nothing else. */
public final class DeployedWar {

    private DeployedWar() {
    }

    public static WebArchive archive() {
        File war = new File(System.getProperty("verify-token.war", "target/verify-token.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with mvn verify");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
