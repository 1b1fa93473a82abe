package io.github.geodispatch.examples;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Outputs written whole or not at all. A file is written into a temporary file beside it and renamed over it
 * when complete; a directory of files is written into a temporary directory beside it, which then takes its
 * place. A failed or interrupted write leaves the target as it was (at worst a hidden {@code .NAME.tmp-*} beside
 * it), and every error names the write: {@code cannot write invoices.csv in out/invoices: No space left on
 * device}. A file that is a device or a pipe ({@code --out /dev/null}, {@code /dev/stdout}) is written straight into:
 * renaming over it would put a regular file in its place. Not thread-safe.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** Writes text to an output. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** Writes an output file at the path given (a temporary path the output is moved from). */
    @FunctionalInterface
    public interface FileBody {
        void write(Path file) throws IOException;
    }

    /**
     * Writes {@code target} (UTF-8) through {@code body}: into a temporary file beside it, then renamed over it; a device
     * or a pipe straight.
     */
    public static void write(Path target, TextBody body) throws OutputException {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                body.write(out);
            } catch (IOException e) {
                throw new OutputException("cannot write " + where(target) + ": " + reason(e), e);
            }
            return;
        }
        Path parent = parentOf(target);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot write " + where(target) + ": cannot create the directory: " + reason(e), e);
        }
        Path temporary = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                body.write(out);
            } catch (IOException e) {
                throw new OutputException("cannot write " + where(target) + ": " + reason(e), e);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new OutputException("cannot write " + where(target) + ": "
                        + (Files.isDirectory(target) ? "a directory is in the way" : reason(e)), e);
            }
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Refuses an output file that is one of the command's inputs: writing it would replace the input with the output
     * (the journal with its own findings). {@code output} names the input when both paths are the same once made
     * absolute and normalized, or, when the output exists as a regular file, when {@link Files#isSameFile} says so
     * (a symbolic or hard link, another spelling). A device or a pipe is compared by path only: {@code /dev/stdout}
     * and {@code /dev/stdin} are often the same terminal.
     *
     * @param option the output's option, for the message ({@code "--out"})
     * @param input what the input is, in the owner's words ({@code "the journal"})
     * @throws IllegalArgumentException (bad arguments: nothing is written) naming the input and the path
     */
    public static void requireNotAnInput(String option, Path output, String input, Path inputPath) {
        if (sameFile(output, inputPath)) {
            throw new IllegalArgumentException(option + " names " + input + " itself (" + output + "); choose another file");
        }
    }

    /**
     * Refuses a directory of outputs that is, or holds, one of the command's inputs: putting the output in its place
     * (or moving its files over theirs) would delete or replace the input.
     *
     * @throws IllegalArgumentException (bad arguments: nothing is written) naming the input and the path
     */
    public static void requireNotHoldingAnInput(String option, Path directory, String input, Path inputPath) {
        boolean inside = inputPath.toAbsolutePath().normalize().startsWith(directory.toAbsolutePath().normalize());
        if (!inside && Files.exists(directory) && Files.exists(inputPath)) {
            try {
                inside = inputPath.toRealPath().startsWith(directory.toRealPath());
            } catch (IOException e) {
                inside = false; // cannot be resolved: reading or writing will say what is wrong
            }
        }
        if (inside) {
            throw new IllegalArgumentException(option + " " + directory + " holds " + input + " (" + inputPath
                    + "), which writing there could replace; choose another directory");
        }
    }

    /** Whether {@code a} and {@code b} are the same file, by the rule of {@link #requireNotAnInput}. */
    static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.isRegularFile(a) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // cannot be compared: reading or writing will say what is wrong
        }
    }

    /**
     * A directory of outputs at {@code target}, written into a temporary directory until {@link Directory#commit}.
     * {@code target} may be missing or empty; a directory holding only files this command writes
     * ({@code ownFile} by name) is replaced when {@code replace} is true; anything else is refused with an
     * {@link IllegalArgumentException} (bad arguments: nothing is written).
     */
    public static Directory directory(Path target, Predicate<String> ownFile, boolean replace) throws OutputException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException(target + " exists and is not a directory");
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(target)) {
                entries = list.sorted().toList();
            } catch (IOException e) {
                throw new OutputException("cannot list " + target + ": " + reason(e), e);
            }
            for (Path entry : entries) {
                if (!Files.isRegularFile(entry) || !ownFile.test(entry.getFileName().toString())) {
                    throw new IllegalArgumentException(target + " holds files this command did not write (such as "
                            + entry.getFileName() + "); choose an empty or new directory");
                }
            }
            if (!entries.isEmpty() && !replace) {
                throw new IllegalArgumentException(target + " already holds the outputs of an earlier run ("
                        + entries.size() + " files); give --force to replace them, or choose another directory");
            }
        }
        Path parent = parentOf(target);
        Path temporary = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        List<Path> created = new ArrayList<>();
        for (Path missing = parent.toAbsolutePath(); missing != null && !Files.exists(missing); missing = missing.getParent()) {
            created.add(missing); // deepest first
        }
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temporary);
        } catch (IOException e) {
            throw new OutputException("cannot create " + target + ": " + reason(e), e);
        }
        return new Directory(target, temporary, created);
    }

    /** An output directory being written; {@link #close} without {@link #commit} deletes what was written. */
    public static final class Directory implements Closeable {
        private final Path target;
        private final Path temporary;
        /** The directories above the target made to hold it, deepest first: removed again if nothing is committed. */
        private final List<Path> createdParents;
        private boolean committed;

        private Directory(Path target, Path temporary, List<Path> createdParents) {
            this.target = target;
            this.temporary = temporary;
            this.createdParents = createdParents;
        }

        /** Writes the text file {@code name} of the output. */
        public void write(String name, String text) throws OutputException {
            write(name, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
        }

        /** Writes the file {@code name} of the output through {@code body}. */
        public void write(String name, FileBody body) throws OutputException {
            try {
                body.write(temporary.resolve(name));
            } catch (IOException e) {
                throw new OutputException("cannot write " + name + " in " + target + ": " + reason(e), e);
            }
        }

        /** Puts the output in place of {@code target}: what was there before is gone, never mixed in. */
        public void commit() throws OutputException {
            Path previous = null;
            try {
                if (Files.exists(target)) {
                    previous = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
                    Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (IOException e) {
                if (previous != null && !Files.exists(target)) {
                    try {
                        Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
                        previous = null;
                    } catch (IOException restore) {
                        e.addSuppressed(restore);
                    }
                }
                throw new OutputException("cannot put the output in place at " + target + ": " + reason(e)
                        + (previous != null ? " (the earlier output is in " + previous + ")" : ""), e);
            }
            if (previous != null) {
                try {
                    deleteTree(previous);
                } catch (IOException e) {
                    throw new OutputException("the output is in place at " + target + ", but the earlier one could not be "
                            + "deleted from " + previous + ": " + reason(e), e);
                }
            }
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    deleteTree(temporary);
                    for (Path parent : createdParents) {
                        Files.delete(parent); // refused if anything else was put there meanwhile: it stays
                    }
                } catch (IOException ignored) {
                    // the hidden temporary directory or an empty parent stays; the target was not touched
                }
            }
        }
    }

    /** What went wrong with a file operation, in words (the exception's message is often just the path). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something is already there";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String where(Path target) {
        Path parent = target.getParent();
        return target.getFileName() + " in " + (parent == null ? "." : parent.toString()) + "/";
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("cannot write to " + target + ": it has no parent directory");
        }
        return parent;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover hidden temporary file; the target was not touched
        }
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
