package dev.verifytoken.apps.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.control.TokenSettingsReader;
import dev.verifytoken.token.entity.AppName;
import dev.verifytoken.token.entity.TokenDefaults;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the extra Authy apps: {@code apps}, their names separated by commas, and for each
 * {@code apps.<name>.api-key}, {@code apps.<name>.app-id} and optionally its own token defaults over the global
 * ones ({@code apps.<name>.token.lifetime}, {@code .code-length}, {@code .via}, {@code .locale}). Each app is
 * checked on its own: a broken app has its problems, the others their settings. A name that breaks the rule is a
 * problem of {@code apps} itself, and that name is served by no app.
 */
public final class AppsReader {

    /** One app: its settings, or what is wrong with them. */
    public record App(AppName name, TokenSettings settings, List<ConfigurationProblem> problems) {
        public boolean valid() {
            return settings != null;
        }
    }

    /**
     * @param apps     the apps whose names are right, in the order given
     * @param problems what is wrong with the list itself
     */
    public record Result(List<App> apps, List<ConfigurationProblem> problems) {
    }

    /**
     * @param source   a property name to its value
     * @param defaults the global token defaults
     * @param voice    whether the verification policy allows voice calls (an app's default via must agree)
     */
    public Result read(Function<String, Optional<String>> source, TokenDefaults defaults, boolean voice) {
        SettingsReader values = new SettingsReader(source);
        List<String> names = values.list(TokenSettingsReader.APPS);
        Map<AppName, App> apps = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<AppName> name = AppName.parse(names.get(i));
            if (name.isEmpty()) {
                values.itemProblem(TokenSettingsReader.APPS, i, AppName.RULE);
            } else if (apps.containsKey(name.get())) {
                values.itemProblem(TokenSettingsReader.APPS, i, "names an app that is already in the list");
            } else {
                apps.put(name.get(), app(name.get(), source, defaults, voice));
            }
        }
        return new Result(List.copyOf(apps.values()), values.problems());
    }

    private static App app(AppName name, Function<String, Optional<String>> source, TokenDefaults defaults,
                           boolean voice) {
        TokenSettingsReader.Result result = TokenSettingsReader.readApp(name, source, defaults);
        List<ConfigurationProblem> problems = new ArrayList<>(result.problems());
        if (result.valid() && !voice && result.settings().via().orElse(null) == Via.CALL) {
            problems.add(new ConfigurationProblem(TokenSettingsReader.Names.of(name).via(),
                    "cannot be call while policy.voice is false"));
        }
        return problems.isEmpty() ? new App(name, result.settings(), List.of()) : new App(name, null, problems);
    }
}
