package io.github.geodispatch.billing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/data} relative to the project root; fails loudly when it is missing. */
final class SharedData {
    private SharedData() {}

    static Path file(String relative) {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").resolve(relative).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared data file ../shared/data/" + relative + " not found above " + here
                + "; the billing tests need the shared data directory beside the project root");
    }
}
