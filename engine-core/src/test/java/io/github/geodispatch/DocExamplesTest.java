package io.github.geodispatch;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code block in the README and {@code docs/} marked {@code <!-- example: TestClass -->} is the region
 * between {@code // example:begin} and {@code // example:end} of that test class (in any module), so the
 * documentation shows only code that compiles and runs.
 */
class DocExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- example: (\\w+) -->\n```java\n(.*?)```", Pattern.DOTALL);

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("engine-core"))) {
                return dir;
            }
        }
        throw new AssertionError("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyMarkedBlockEqualsItsTestRegion() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        if (Files.isDirectory(root.resolve("docs"))) {
            try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
                docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        int checked = 0;
        for (Path page : pages) {
            Matcher block = BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                String tested = region(testSource(root, block.group(1)));
                assertThat(block.group(2)).as("the example from %s in %s", block.group(1), root.relativize(page))
                        .isEqualTo(tested);
                checked++;
            }
        }
        assertThat(checked).as("marked examples (the README's embed example at least)").isPositive();
    }

    private static Path testSource(Path root, String testClass) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().equals(testClass + ".java"))
                    .filter(p -> p.toString().contains("/src/test/java/")).toList();
            assertThat(found).as("the test class %s", testClass).hasSize(1);
            return found.get(0);
        }
    }

    /** The lines between the markers, without the markers' own indentation. */
    static String region(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("// example:begin")) {
                begin = i;
            } else if (line.equals("// example:end")) {
                end = i;
            }
        }
        assertThat(begin).as("'// example:begin' in %s", source).isNotNegative();
        assertThat(end).as("'// example:end' in %s", source).isGreaterThan(begin);
        int indent = lines.get(begin).indexOf('/');
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            out.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip())
                    .append('\n');
        }
        return out.toString();
    }
}
