package dev.verifytoken.problem.entity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README.md's table of errors lists every problem type the service answers with, under its status, and no other. */
class ErrorTableTest {

    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    /** Each row of the table under "## Errors": its statuses, and the types in its last column. */
    private record Row(Set<Integer> statuses, Set<String> types) {
    }

    private static List<Row> table() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String errors = readme.substring(readme.indexOf("\n## Errors"));
        errors = errors.substring(0, errors.indexOf("\n## ", 1));
        List<Row> rows = new ArrayList<>();
        for (String line : errors.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().matches("\\d{3}(, \\d{3})*")) {
                continue;
            }
            Set<Integer> statuses = Stream.of(cells[1].split(",")).map(s -> Integer.parseInt(s.strip()))
                    .collect(Collectors.toSet());
            // the types are the names outside parentheses: `rate-limited` (`limit`: `client`, ...)
            String last = cells[cells.length - 1].replaceAll("\\([^)]*\\)", "");
            Set<String> types = new TreeSet<>();
            Matcher name = NAME.matcher(last);
            while (name.find()) {
                types.add(name.group(1));
            }
            rows.add(new Row(statuses, types));
        }
        return rows;
    }

    @Test
    void everyProblemTypeIsInTheTableUnderItsStatusAndNothingElseIs() throws IOException {
        Map<String, Set<Integer>> documented = new TreeMap<>();
        for (Row row : table()) {
            row.types().forEach(type -> documented.computeIfAbsent(type, t -> new TreeSet<>()).addAll(row.statuses()));
        }
        Map<String, Set<Integer>> answered = new TreeMap<>();
        for (ProblemType type : ProblemType.values()) {
            answered.put(type.shortName(), Set.of(type.status()));
        }
        Set<Integer> plainStatuses = documented.remove(Problem.ABOUT_BLANK);
        assertEquals(answered.keySet(), documented.keySet(), "the problem types of README.md's error table");
        answered.forEach((type, status) -> assertEquals(status, documented.get(type), type + "'s status"));
        assertTrue(plainStatuses != null && plainStatuses.containsAll(Set.of(404, 405, 406, 415)),
                "the plain HTTP statuses: " + plainStatuses);
    }
}
