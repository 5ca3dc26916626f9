package dev.verifytoken.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commands the docs mark for running, and what the docs show they answer. A fenced block whose info string is
 * {@code sh verify} is a command to run as written; {@code sh verify-server} one that starts a server, which the
 * commands after it in the same file call. The fenced block right after a command, when its info string is
 * {@code http}, {@code json} or {@code text}, is what the command answers: the status and the headers shown, the
 * JSON's shape (the same fields, of the same JSON types, in the objects shown), or the text.
 */
final class DocumentedCommands {

    static final String RUN = "verify";
    static final String SERVER = "verify-server";

    /** A marked command: where it is, whether it starts a server, and what it answers (null when not shown). */
    record Command(Path file, int line, boolean server, String text, Answer answer) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text.strip();
        }
    }

    private DocumentedCommands() {
    }

    /** Every marked command of a Markdown file, in order. */
    static List<Command> of(Path file) {
        String markdown;
        try {
            markdown = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FencedCodeBlock> blocks = new ArrayList<>();
        Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown)
                .accept(new AbstractVisitor() {
                    @Override
                    public void visit(FencedCodeBlock block) {
                        blocks.add(block);
                    }
                });
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String[] info = blocks.get(i).getInfo().strip().split("\\s+");
            if (info.length < 2 || !info[0].equals("sh") || !(info[1].equals(RUN) || info[1].equals(SERVER))) {
                continue;
            }
            Answer answer = i + 1 < blocks.size() ? Answer.of(blocks.get(i + 1)) : null;
            int line = blocks.get(i).getSourceSpans().get(0).getLineIndex() + 1;
            commands.add(new Command(file, line, info[1].equals(SERVER), blocks.get(i).getLiteral(), answer));
        }
        return commands;
    }

    /** What the docs show a command answers. */
    record Answer(String kind, String text) {

        static Answer of(FencedCodeBlock block) {
            String kind = block.getInfo().strip();
            return Set.of("http", "json", "text").contains(kind) ? new Answer(kind, block.getLiteral()) : null;
        }

        /** Why the output does not look as documented; empty when it does. */
        List<String> differences(String output) {
            List<String> differences = new ArrayList<>();
            switch (kind) {
                case "text" -> {
                    if (!output.strip().equals(text.strip())) {
                        differences.add("answered [" + output.strip() + "], the docs show [" + text.strip() + "]");
                    }
                }
                case "json" -> shape(text, output, differences);
                default -> http(output, differences);
            }
            return differences;
        }

        /** A status line, headers, a blank line and a JSON body (curl -i), against the same shown in the docs. */
        private void http(String output, List<String> differences) {
            String[] shown = text.split("\\R\\R", 2);
            String[] got = output.replace("\r\n", "\n").split("\\R\\R", 2);
            String[] shownHead = shown[0].strip().split("\\R");
            String[] gotHead = got[0].strip().split("\\R");
            String shownStatus = shownHead[0].split(" ")[1];
            String gotStatus = gotHead[0].split(" ").length > 1 ? gotHead[0].split(" ")[1] : gotHead[0];
            if (!shownStatus.equals(gotStatus)) {
                differences.add("answered status " + gotStatus + ", the docs show " + shownStatus);
            }
            for (int i = 1; i < shownHead.length; i++) {
                String name = shownHead[i].substring(0, shownHead[i].indexOf(':')).strip();
                String value = shownHead[i].substring(shownHead[i].indexOf(':') + 1).strip();
                String answered = null;
                for (int j = 1; j < gotHead.length; j++) {
                    int colon = gotHead[j].indexOf(':');
                    if (colon > 0 && gotHead[j].substring(0, colon).strip().equalsIgnoreCase(name)) {
                        answered = gotHead[j].substring(colon + 1).strip();
                    }
                }
                if (answered == null) {
                    differences.add("answered without the header " + name);
                } else if (!sameHeaderValue(value, answered)) {
                    differences.add("answered " + name + ": " + answered + ", the docs show " + value);
                }
            }
            if (shown.length > 1 && !shown[1].isBlank()) {
                shape(shown[1], got.length > 1 ? got[1] : "", differences);
            }
        }

        /** The same value; a media type the same whatever its case and its parameters, unless the docs show them. */
        private static boolean sameHeaderValue(String shown, String answered) {
            if (shown.contains("/") && !shown.contains(";")) {
                return answered.split(";")[0].strip().equalsIgnoreCase(shown);
            }
            return answered.equalsIgnoreCase(shown);
        }

        private static void shape(String shown, String answered, List<String> differences) {
            JsonValue expected = Json.createReader(new StringReader(shown)).readValue();
            JsonValue actual;
            try {
                actual = Json.createReader(new StringReader(answered)).readValue();
            } catch (JsonParsingException | IllegalStateException e) {
                differences.add("answered [" + answered.strip() + "], which is not JSON");
                return;
            }
            compare(expected, actual, "$", differences);
        }

        private static void compare(JsonValue expected, JsonValue actual, String path, List<String> differences) {
            if (!kind(expected).equals(kind(actual))) {
                differences.add(path + " is " + kind(actual) + " " + actual + ", the docs show " + kind(expected));
                return;
            }
            if (expected instanceof JsonObject shown && actual instanceof JsonObject got) {
                if (!shown.keySet().equals(got.keySet())) {
                    differences.add(path + " has the fields " + new TreeSet<>(got.keySet()) + ", the docs show "
                            + new TreeSet<>(shown.keySet()));
                }
                shown.keySet().stream().filter(got::containsKey)
                        .forEach(key -> compare(shown.get(key), got.get(key), path + "." + key, differences));
            } else if (expected instanceof JsonArray shown && actual instanceof JsonArray got) {
                for (int i = 0; i < shown.size(); i++) {
                    JsonValue element = shown.get(i);
                    boolean found = got.stream().anyMatch(candidate -> {
                        List<String> none = new ArrayList<>();
                        compare(element, candidate, path, none);
                        return none.isEmpty();
                    });
                    if (!found) {
                        differences.add(path + "[" + i + "] as the docs show it is not among " + got);
                    }
                }
            }
        }

        private static String kind(JsonValue value) {
            return switch (value.getValueType()) {
                case TRUE, FALSE -> "boolean";
                default -> value.getValueType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
