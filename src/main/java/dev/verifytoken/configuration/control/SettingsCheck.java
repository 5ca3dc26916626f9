package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;

import java.util.List;

/**
 * A feature's settings, read and checked when the application starts. {@link Configuration} gathers the problems
 * of every bean that implements this, so that a feature can own its settings without the configuration knowing it.
 */
public interface SettingsCheck {

    /** What is wrong with this feature's settings; empty when they are valid. */
    List<ConfigurationProblem> problems();
}
