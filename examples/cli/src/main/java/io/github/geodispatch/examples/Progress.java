package io.github.geodispatch.examples;

import java.io.PrintWriter;

/**
 * What a long-running command reports while it works: a sequence of named phases, each with the units of work
 * done so far. A command makes one with {@link #forConsole(PrintWriter, boolean)} and reports through it:
 *
 * <pre>{@code
 * Progress progress = Progress.forConsole(spec.commandLine().getOut(), !noProgress);
 * progress.phase("building the world", 0);      // 0: the amount of work is not known
 * ...
 * progress.phase("simulating 08:00-21:30", 810); // ends the phase before, starts this one
 * progress.advance(10);                          // 10 more units done
 * progress.status("13:40 IST, completed 200/600");
 * progress.done();                               // ends the last phase
 * }</pre>
 *
 * <p>On a terminal ({@link #terminal}) a bar is redrawn in place with {@code \r}, naming the phase, at most ten
 * times a second, and each phase ends with exactly one final frame and a line break. Anywhere else
 * ({@link #plain}: a file, a pipe) one line is printed when a phase starts and one when it ends, never a
 * {@code \r}. {@link #none} prints nothing. Every line is at most {@value #WIDTH} columns.
 *
 * <p>Not thread-safe: one thread reports a run's progress.
 */
public interface Progress {
    /** The widest line any implementation prints, in characters. */
    int WIDTH = 99;

    /**
     * Ends the current phase, if any, and starts {@code name} with {@code total} units of work ({@code 0} when
     * the amount is not known: the terminal then shows the phase name without a percentage).
     */
    void phase(String name, long total);

    /** {@code units} more units of the current phase are done (ignored before the first phase). */
    void advance(long units);

    /** A short note shown beside the terminal bar, such as the simulated time; the plain lines leave it out. */
    void status(String text);

    /** Ends the current phase, the last one; a second call, or a call before any phase, does nothing. */
    void done();

    /** Prints nothing (for {@code --no-progress}, {@code --quiet} and tests). */
    static Progress none() {
        return new Progress() {
            @Override
            public void phase(String name, long total) { }

            @Override
            public void advance(long units) { }

            @Override
            public void status(String text) { }

            @Override
            public void done() { }
        };
    }

    /** One line when each phase starts and one when it ends (with its duration), for a file or a pipe. */
    static Progress plain(PrintWriter out) {
        return new PlainProgress(out, System::nanoTime);
    }

    /** The bar redrawn in place with {@code \r}, for a terminal. */
    static Progress terminal(PrintWriter out) {
        return new TerminalProgress(out, System::nanoTime);
    }

    /**
     * The progress a command should print on {@code out}: {@link #none} when not {@code enabled}; otherwise the
     * {@link #terminal} bar when standard output is a terminal ({@code System.console() != null}), else
     * {@link #plain} lines. The system property {@code geodispatch.terminal} ({@code true} or {@code false})
     * overrides the detection, for tests and for terminals the JVM does not recognise.
     */
    static Progress forConsole(PrintWriter out, boolean enabled) {
        if (!enabled) {
            return none();
        }
        String override = System.getProperty("geodispatch.terminal");
        boolean terminal = override != null ? Boolean.parseBoolean(override) : System.console() != null;
        return terminal ? terminal(out) : plain(out);
    }
}
