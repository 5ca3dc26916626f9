package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a feature reads its properties: each value without surrounding spaces (a blank one counts as
 * absent), booleans, whole numbers in a range and lists parsed in one place, and every bad value reported as a
 * {@link ConfigurationProblem} that names the property and the rule, never the value (any property may hold a
 * secret put there by mistake).
 */
public final class SettingsReader {

    private final Function<String, Optional<String>> source;
    private final List<ConfigurationProblem> problems = new ArrayList<>();

    /** @param source a property name to its value, as MicroProfile Config gives it */
    public SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** The value, stripped; empty when absent or blank. */
    public Optional<String> text(String name) {
        return source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** {@code true} or {@code false} in any case; the default when absent; anything else is a problem. */
    public boolean bool(String name, boolean absent) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return absent;
        }
        Optional<Boolean> value = bool(text.get());
        if (value.isEmpty()) {
            problem(name, "must be true or false");
            return absent;
        }
        return value.get();
    }

    /** Whether a present, non-blank value is {@code true} or {@code false}; empty for anything else. */
    public static Optional<Boolean> bool(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        return value.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
    }

    /**
     * A whole number from {@code min} to {@code max}; empty when absent, or when it breaks the rule (a problem
     * then, saying "must be a whole number from min to max" followed by {@code what}).
     */
    public Optional<Integer> wholeNumber(String name, int min, int max, String what) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        if (value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return Optional.of((int) number);
            }
        }
        problem(name, "must be a whole number from " + min + " to " + max + what);
        return Optional.empty();
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
