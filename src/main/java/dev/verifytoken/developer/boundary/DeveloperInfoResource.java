package dev.verifytoken.developer.boundary;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.developer.control.DeveloperPageSettings;
import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import dev.verifytoken.token.entity.VerificationLocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /verify/info}: what the developer page shows about the service: whether it is ready (and if
 * not, why), whether it signs with a throwaway development key, and its non-secret configuration. Never the key.
 * Off with the page ({@code developer-page.enabled=false}).
 */
@ApplicationScoped
@Path("info")
@Produces(MediaType.APPLICATION_JSON)
public class DeveloperInfoResource {

    @Inject
    ConfigurationCheck configuration;

    @Inject
    AuthyApps apps;

    @Inject
    PolicyConfiguration policies;

    @Inject
    RateLimits rateLimits;

    @Inject
    CallerAuthentication callers;

    @Inject
    DeveloperPageSettings page;

    @GET
    public Response info() {
        if (!page.enabled()) {
            // whatever the spelling of the path that led here (/verify/info/, /verify/info;x)
            throw new NotFoundException();
        }
        JsonObjectBuilder info = Json.createObjectBuilder();
        JsonArrayBuilder problems = Json.createArrayBuilder();
        configuration.problems().stream().map(ConfigurationProblem::toString).forEach(problems::add);
        boolean shared = configuration.sharedSettingsValid();
        info.add("ready", shared && apps.anyReady()).add("problems", problems)
                .add("development_mode", apps.developmentMode());
        if (shared) {
            JsonArrayBuilder served = Json.createArrayBuilder();
            for (AuthyApps.Status status : apps.statuses()) {
                JsonObjectBuilder app = Json.createObjectBuilder().add("name", status.name().value())
                        .add("path", status.name().tokenPath())
                        .add("ready", status.ready());
                if (status.ready()) {
                    TokenSettings settings = apps.settings(status.name());
                    app.add("app_id", settings.appId()).add("token_lifetime_seconds", settings.lifetimeSeconds())
                            .add("defaults", defaults(settings));
                    if (status.name().isDefault()) {
                        // the default app's also at the top level, where clients written for one app read them
                        info.add("app_id", settings.appId())
                                .add("token_lifetime_seconds", settings.lifetimeSeconds())
                                .add("defaults", defaults(settings));
                    }
                }
                served.add(app);
            }
            info.add("apps", served);
            JsonArrayBuilder policy = Json.createArrayBuilder();
            policies.policy().describe().forEach(policy::add);
            info.add("policy", policy);
            RateLimitSettings limits = rateLimits.settings();
            info.add("rate_limits", Json.createObjectBuilder()
                    .add("per_number", limits.limit(LimitKind.PHONE_NUMBER).map(Object::toString).orElse("off"))
                    .add("per_client", limits.limit(LimitKind.CLIENT).map(Object::toString).orElse("off"))
                    .add("per_country", limits.limit(LimitKind.COUNTRY).map(Object::toString).orElse("off"))
                    .add("store", rateLimits.storeInForce()));
            info.add("caller_authentication", callers.authenticator().required());
        }
        JsonArrayBuilder locales = Json.createArrayBuilder();
        VerificationLocale.SUPPORTED.forEach(locales::add);
        info.add("supported_locales", locales);
        return Response.ok(info.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static JsonObjectBuilder defaults(TokenSettings settings) {
        JsonObjectBuilder defaults = Json.createObjectBuilder();
        settings.codeLength().ifPresent(length -> defaults.add("code_length", length));
        settings.via().ifPresent(via -> defaults.add("via", via.claim()));
        settings.locale().ifPresent(locale -> defaults.add("locale", locale.tag()));
        settings.defaultRegion().ifPresent(region -> defaults.add("country", region));
        return defaults;
    }
}
