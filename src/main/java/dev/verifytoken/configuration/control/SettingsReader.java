package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a feature reads its properties, from the injected MicroProfile {@link Config}: each value without
 * surrounding spaces (a blank one counts as absent), booleans, whole numbers in a range and lists parsed in one
 * place, and every bad value reported as a {@link ConfigurationProblem} that names the property and the rule, never
 * the value (any property may hold a secret put there by mistake).
 */
public final class SettingsReader {

    private final Function<String, Optional<String>> source;
    private final Supplier<Iterable<String>> names;
    private final List<ConfigurationProblem> problems = new ArrayList<>();

    private SettingsReader(Function<String, Optional<String>> source, Supplier<Iterable<String>> names) {
        this.source = source;
        this.names = names;
    }

    public static SettingsReader of(Config config) {
        return new SettingsReader(name -> config.getOptionalValue(name, String.class), config::getPropertyNames);
    }

    /** Properties given as a map (tests, and values checked on their own, such as a rotated key). */
    public static SettingsReader of(Map<String, String> properties) {
        return new SettingsReader(name -> Optional.ofNullable(properties.get(name)), properties::keySet);
    }

    /** A reader of the same properties that starts with no problem: for settings whose problems are kept apart. */
    public SettingsReader fresh() {
        return new SettingsReader(source, names);
    }

    /** The value, stripped; empty when absent or blank. */
    public Optional<String> text(String name) {
        return source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Every property name the configuration has (to find the names a feature makes up, and typos among them). */
    public Iterable<String> names() {
        return names.get();
    }

    /** {@code true} or {@code false} in any case; the default when absent; anything else is a problem. */
    public boolean bool(String name, boolean absent) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return absent;
        }
        if (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false")) {
            return text.get().equalsIgnoreCase("true");
        }
        problem(name, "must be true or false");
        return absent;
    }

    /**
     * A whole number from {@code min} to {@code max}; empty when absent, or when it breaks the rule (a problem then,
     * saying "must be a whole number from min to max" followed by {@code what}).
     */
    public Optional<Long> wholeNumber(String name, long min, long max, String what) {
        return text(name).flatMap(value -> {
            Optional<Long> number = wholeNumber(value).filter(n -> n >= min && n <= max);
            if (number.isEmpty()) {
                problem(name, "must be a whole number from " + min + " to " + max + what);
            }
            return number;
        });
    }

    /**
     * ASCII digits only (Java's {@code \\d}), at most 18 of them: no sign, no spaces, no decimal point, no digits of
     * other scripts (which {@code Character.isDigit} and {@code Long.parseLong} take); empty otherwise.
     */
    public static Optional<Long> wholeNumber(String value) {
        return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    /** The items of a list, separated by commas or white space; empty when absent. */
    public List<String> list(String name) {
        return text(name).map(SettingsReader::items).orElse(List.of());
    }

    /** The items of a list value, separated by commas or white space, empty ones left out. */
    public static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    /** A problem with an item of a list, named by its position, never by its value. */
    public void itemProblem(String name, int index, String rule) {
        problem(name, "has an item (number " + (index + 1) + ") that " + rule);
    }

    public void problem(String name, String message) {
        problems.add(new ConfigurationProblem(name, message));
    }

    /** Every problem found so far, in the order found. */
    public List<ConfigurationProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
