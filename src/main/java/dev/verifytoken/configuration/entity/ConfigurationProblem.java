package dev.verifytoken.configuration.entity;

/**
 * One configuration property that is missing or breaks its rule. Never holds the value of a secret.
 */
public record ConfigurationProblem(String property, String message) {

    /** The environment variable MicroProfile Config reads for a property: {@code app.id} is {@code APP_ID}. */
    public static String environmentVariable(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    /** "app.id (APP_ID) must be ..." */
    @Override
    public String toString() {
        return property + " (" + environmentVariable(property) + ") " + message;
    }
}
