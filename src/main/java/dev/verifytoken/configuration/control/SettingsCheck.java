package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;

import java.util.List;

/**
 * A feature's settings, read and checked when the application starts. The start-up check gathers the problems
 * of every bean that implements this, so that a feature can own its settings without the configuration knowing it.
 */
public interface SettingsCheck {

    /** What is wrong with this feature's settings, which stops every token: empty when they are valid. */
    List<ConfigurationProblem> problems();

    /**
     * What is wrong with the settings of one Authy app or another: only that app's tokens are refused (503), the
     * other apps go on. Each problem names the app's property.
     */
    default List<ConfigurationProblem> appProblems() {
        return List.of();
    }
}
