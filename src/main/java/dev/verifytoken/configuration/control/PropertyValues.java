package dev.verifytoken.configuration.control;

import java.util.Optional;
import java.util.function.Function;

/** How every reader of the configuration sees a property: its value without surrounding spaces, or none. */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** The values of a source, stripped; a blank value counts as absent. */
    public static Function<String, Optional<String>> nonBlank(Function<String, Optional<String>> source) {
        return name -> source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }
}
