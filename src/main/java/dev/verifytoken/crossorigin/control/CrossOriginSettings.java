package dev.verifytoken.crossorigin.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cors.allowed-origins}: the origins of the operator's own web apps whose pages may ask for tokens
 * ({@code https://app.example.com}, comma-separated); none by default. Each is a scheme ({@code https} or
 * {@code http}), a host and an optional port, nothing more: no path, no wildcard.
 */
@ApplicationScoped
public class CrossOriginSettings implements SettingsCheck {

    public static final String ALLOWED_ORIGINS = "cors.allowed-origins";

    private Set<String> allowed = Set.of();
    private List<ConfigurationProblem> problems = List.of();

    /** For CDI's proxy. */
    protected CrossOriginSettings() {
    }

    @Inject
    public CrossOriginSettings(Config config) {
        this(SettingsReader.of(config));
    }

    CrossOriginSettings(SettingsReader values) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> items = values.list(ALLOWED_ORIGINS);
        for (int i = 0; i < items.size(); i++) {
            Optional<String> origin = Origins.canonical(items.get(i));
            if (origin.isPresent()) {
                origins.add(origin.get());
            } else {
                values.itemProblem(ALLOWED_ORIGINS, i, "is not an origin: https://host or http://host, with an"
                        + " optional :port and nothing after it");
            }
        }
        allowed = Set.copyOf(origins);
        problems = values.problems();
    }

    /** Whether the operator lists this origin (as the browser sent it in {@code Origin}). */
    public boolean allows(String origin) {
        return Origins.canonical(origin).map(allowed::contains).orElse(false);
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
