package dev.verifytoken;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The JAX-RS application: every resource lives under {@code /verify}, so that the token endpoint is
 * {@code POST /verify/token} when the WAR is deployed at context root {@code /}.
 */
@ApplicationPath("verify")
public class VerifyTokenApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No WADL document at OPTIONS or /application.wadl: the OpenAPI document describes the API.
        // Servers that do not use Jersey ignore the property.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
