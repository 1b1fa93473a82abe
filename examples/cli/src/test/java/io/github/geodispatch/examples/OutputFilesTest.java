package io.github.geodispatch.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputFilesTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A pipe (or a device: {@code --out /dev/null}) is written into, not replaced by a regular file. */
    @Test
    void aPipeIsWrittenIntoNotReplaced() throws Exception {
        Path pipe = tmp.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        OutputFiles.write(pipe, w -> w.write("findings\n"));

        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("findings\n");
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(names(tmp)).containsExactly("pipe");
    }

    @Test
    void aDirectoryWhoseWritingFailsHalfwayLeavesNothingBehind() throws IOException {
        Path target = tmp.resolve("out");
        try (OutputFiles.Directory dir = OutputFiles.directory(target, name -> true, false)) {
            dir.write("a.json", "{}");
            dir.write("b.json", "{}");
            assertThatThrownBy(() -> dir.write("c.json", file -> {
                Files.writeString(file, "partial");
                throw new IOException("No space left on device");
            })).isInstanceOf(OutputException.class).hasMessage("cannot write c.json in " + target + ": No space left on device");
        }

        assertThat(target).doesNotExist();
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void theParentsMadeForAnUncommittedDirectoryAreRemovedAgain() throws IOException {
        Path target = tmp.resolve("new/nested/out");
        try (OutputFiles.Directory dir = OutputFiles.directory(target, name -> true, false)) {
            dir.write("a.json", "{}");
        }
        assertThat(names(tmp)).isEmpty();

        Path kept = Files.createDirectory(tmp.resolve("kept"));
        try (OutputFiles.Directory dir = OutputFiles.directory(kept.resolve("made/out"), name -> true, false)) {
            Files.writeString(kept.resolve("made/someone-else.txt"), "theirs");
        }
        assertThat(names(kept.resolve("made"))).containsExactly("someone-else.txt");

        try (OutputFiles.Directory dir = OutputFiles.directory(target, name -> true, false)) {
            dir.write("a.json", "{}");
            dir.commit();
        }
        assertThat(names(target)).containsExactly("a.json");
    }

    @Test
    void aCommittedDirectoryReplacesTheEarlierRunWhole() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(target.resolve("invoice-1.json"), "old");
        Files.writeString(target.resolve("invoice-2.json"), "old");

        try (OutputFiles.Directory dir = OutputFiles.directory(target, name -> name.startsWith("invoice-"), true)) {
            dir.write("invoice-1.json", "new");
            dir.commit();
        }

        assertThat(names(target)).containsExactly("invoice-1.json");
        assertThat(Files.readString(target.resolve("invoice-1.json"))).isEqualTo("new");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aUsedDirectoryIsRefusedUnlessReplacingAndForeignFilesAlways() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(target.resolve("invoice-1.json"), "old");

        assertThatThrownBy(() -> OutputFiles.directory(target, name -> name.startsWith("invoice-"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give --force");
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> OutputFiles.directory(target, name -> name.startsWith("invoice-"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("such as notes.txt");
        assertThat(names(target)).containsExactly("invoice-1.json", "notes.txt");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aFileWhoseWritingFailsKeepsItsEarlierContent() throws IOException {
        Path target = Files.writeString(tmp.resolve("findings.jsonl"), "earlier\n");

        assertThatThrownBy(() -> OutputFiles.write(target, out -> {
            out.write("half");
            throw new IOException("Input/output error");
        })).isInstanceOf(OutputException.class).hasMessage("cannot write findings.jsonl in " + tmp + "/: Input/output error");

        assertThat(Files.readString(target)).isEqualTo("earlier\n");
        assertThat(names(tmp)).containsExactly("findings.jsonl");
        OutputFiles.write(target, out -> out.write("later\n"));
        assertThat(Files.readString(target)).isEqualTo("later\n");
        assertThat(names(tmp)).containsExactly("findings.jsonl");
    }
}
