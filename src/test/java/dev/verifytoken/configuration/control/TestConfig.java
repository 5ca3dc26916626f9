package dev.verifytoken.configuration.control;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** A MicroProfile Config of a few properties, for beans built in tests the way the container builds them. */
public final class TestConfig implements Config {

    private final Map<String, String> properties;
    private final boolean listsNames;

    private TestConfig(Map<String, String> properties, boolean listsNames) {
        this.properties = Map.copyOf(properties);
        this.listsNames = listsNames;
    }

    private TestConfig(Map<String, String> properties) {
        this(properties, true);
    }

    /**
     * The same values, without their names in {@link #getPropertyNames()}: as environment variables give them, whose
     * names the configuration cannot turn back into property names.
     */
    public TestConfig unlisted() {
        return new TestConfig(properties, false);
    }

    /** @param namesAndValues a property's name, then its value, and so on */
    public static TestConfig of(String... namesAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new TestConfig(properties);
    }

    public static TestConfig of(Map<String, String> properties) {
        return new TestConfig(properties);
    }

    /** The same properties, and these over them. */
    public TestConfig with(String... namesAndValues) {
        Map<String, String> more = new HashMap<>(properties);
        more.putAll(of(namesAndValues).properties);
        return new TestConfig(more);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException("not used by the service");
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        if (propertyType != String.class) {
            throw new UnsupportedOperationException("the service reads strings only");
        }
        return Optional.ofNullable(propertyType.cast(properties.get(propertyName)));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return listsNames ? List.copyOf(properties.keySet()) : List.of();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("nothing to unwrap");
    }
}
