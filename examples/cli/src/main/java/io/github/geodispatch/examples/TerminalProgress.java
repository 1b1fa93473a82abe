package io.github.geodispatch.examples;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@link Progress} as a bar redrawn in place with {@code \r}: the phase name, the bar and percentage (when the
 * phase's total is known) and the status. A redraw waits until {@value #MIN_REDRAW_NANOS} ns have passed since
 * the last frame, and never draws the finished state: only the phase's end draws its one final frame, with the
 * phase's duration, and moves to a new line. The final frame shows the units truly done, so a phase cut short
 * does not claim 100%. Not thread-safe.
 */
final class TerminalProgress implements Progress {
    static final long MIN_REDRAW_NANOS = 100_000_000L;
    private static final int NAME_WIDTH = 24;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private String phase;
    private long total;
    private long doneUnits;
    private String status = "";
    private long startedNanos;
    private long lastFrameNanos;

    TerminalProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public void phase(String name, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("a phase's total must be 0 (unknown) or more, was " + total);
        }
        done();
        this.phase = fit(name, NAME_WIDTH);
        this.total = total;
        this.doneUnits = 0;
        this.status = "";
        this.startedNanos = nanoTime.getAsLong();
        draw(frame(false), startedNanos);
    }

    @Override
    public void advance(long units) {
        if (phase == null) {
            return;
        }
        doneUnits = Math.max(0, doneUnits + units);
        redrawIfDue();
    }

    @Override
    public void status(String text) {
        if (phase == null) {
            return;
        }
        status = text == null ? "" : text;
        redrawIfDue();
    }

    @Override
    public void done() {
        if (phase == null) {
            return;
        }
        draw(frame(true), nanoTime.getAsLong());
        out.print('\n');
        out.flush();
        phase = null;
    }

    private void redrawIfDue() {
        long now = nanoTime.getAsLong();
        boolean finished = total > 0 && doneUnits >= total;
        if (!finished && now - lastFrameNanos >= MIN_REDRAW_NANOS) {
            draw(frame(false), now);
        }
    }

    private void draw(String frame, long now) {
        // padded to the full width so a shorter frame wipes out the longer one before it
        out.print('\r');
        out.print(String.format("%-" + Progress.WIDTH + "s", frame));
        out.flush();
        lastFrameNanos = now;
    }

    private String frame(boolean last) {
        StringBuilder line = new StringBuilder(" ").append(String.format("%-" + NAME_WIDTH + "s", phase)).append(' ');
        if (total > 0) {
            long shown = Math.min(doneUnits, total);
            int filled = (int) (BAR_WIDTH * shown / total);
            line.append('[').append("█".repeat(filled)).append("░".repeat(BAR_WIDTH - filled)).append(']')
                    .append(String.format(" %3d%%", 100 * shown / total));
            line.append("  ");
        } else {
            line.append(last ? "done " : "working ...  ");
        }
        if (last) {
            line.append(String.format(Locale.ROOT, "in %.1f s", (nanoTime.getAsLong() - startedNanos) / 1e9));
        } else {
            line.append(status);
        }
        return fit(line.toString().stripTrailing(), Progress.WIDTH);
    }

    /** {@code text} cut to {@code width} characters, ending in "..." when cut. */
    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
