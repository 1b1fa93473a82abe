package io.github.geodispatch.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/** Locates {@code ../shared/data/journal} relative to the project root; fails clearly when it is missing. */
public final class SharedJournal {
    private SharedJournal() {}

    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("engine-spi")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                Path dir = p.resolve("../shared/data/journal").normalize();
                if (!Files.isRegularFile(dir.resolve("journal.jsonl"))) {
                    fail("shared journal data missing: expected " + dir.resolve("journal.jsonl")
                            + " (the project's ../shared/data/journal)");
                }
                return dir;
            }
        }
        return fail("cannot find the project root (a directory with pom.xml and engine-spi/) above " + here);
    }
}
