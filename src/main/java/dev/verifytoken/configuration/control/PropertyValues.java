package dev.verifytoken.configuration.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** How every reader of the configuration sees a property: its value without surrounding spaces, or none. */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** {@code true} or {@code false} in any case; empty for anything else. */
    public static Optional<Boolean> bool(String value) {
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        return text.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
    }

    /** The items of a list value: separated by commas or white space, empty ones left out. */
    public static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** The values of a source, stripped; a blank value counts as absent. */
    public static Function<String, Optional<String>> nonBlank(Function<String, Optional<String>> source) {
        return name -> source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }
}
