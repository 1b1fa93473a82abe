package io.github.geodispatch.examples;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** {@link Progress} as whole lines, one as each phase starts and one as it ends; never a {@code \r}. Not thread-safe. */
final class PlainProgress implements Progress {
    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private String phase;
    private long startedNanos;

    PlainProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public void phase(String name, long total) {
        done();
        phase = TerminalProgress.fit(name, Progress.WIDTH - 20);
        startedNanos = nanoTime.getAsLong();
        out.println(" " + phase + " ...");
        out.flush();
    }

    @Override
    public void advance(long units) {
        // whole lines only: the amount done shows in the duration of the line that ends the phase
    }

    @Override
    public void status(String text) {
        // a status changes too often for whole lines
    }

    @Override
    public void done() {
        if (phase == null) {
            return;
        }
        double seconds = (nanoTime.getAsLong() - startedNanos) / 1e9;
        out.println(String.format(Locale.ROOT, " %s: done in %.1f s", phase, seconds));
        out.flush();
        phase = null;
    }
}
