package dev.verifytoken.it;

import java.util.Map;

/** Reads one sample out of a Prometheus text exposition. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the sample with this name whose labels include these, or 0 when there is none.
     */
    public static double value(String text, String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String sampleName = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            if (!sampleName.equals(name)) {
                continue;
            }
            String labelText = brace < 0 ? "" : line.substring(brace + 1, line.indexOf('}'));
            boolean matches = labels.entrySet().stream()
                    .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (matches) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        return 0;
    }
}
