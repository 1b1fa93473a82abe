package io.github.geodispatch.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's sample data, {@code examples/data/} (an attendance day, a business week's journal, the GST
 * e-invoice schema, Solomon and Gehring &amp; Homberger VRPTW instances), found from the working directory of any
 * module's tests. A missing file fails with the path that was expected. Stateless and thread-safe.
 */
public final class SampleData {
    /** Where the data sits below the repository root. */
    public static final String DIRECTORY = "examples/data";

    private SampleData() {}

    /** The file or directory {@code relative} (for example {@code "journal/journal.jsonl"}) of the sample data. */
    public static Path path(String relative) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path data = dir.resolve(DIRECTORY);
            if (Files.isDirectory(data)) {
                Path p = data.resolve(relative).normalize();
                if (!Files.exists(p)) {
                    throw new AssertionError("sample data missing: expected " + p);
                }
                return p;
            }
        }
        throw new AssertionError("cannot find " + DIRECTORY + " in " + here + " or any directory above it");
    }
}
