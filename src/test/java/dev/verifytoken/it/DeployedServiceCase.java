package dev.verifytoken.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * What every Arquillian integration test shares: the WAR the build produced, deployed to the server of the
 * Maven profile (written configuration first: {@link ServerConfigFile}), and an HTTP client on its URL.
 */
@ExtendWith({ServerConfigFile.class, ArquillianExtension.class})
@RunAsClient
abstract class DeployedServiceCase {

    @Deployment(testable = false)
    static WebArchive war() {
        return DeployedWar.archive();
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() throws Exception {
        http = new Http(base);
    }
}
