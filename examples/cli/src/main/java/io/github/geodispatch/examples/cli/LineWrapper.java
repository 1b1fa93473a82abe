package io.github.geodispatch.examples.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Standard output's last guard on the width: a line longer than {@value #WIDTH} characters is broken at its last
 * space that fits, and the rest continues on the next line, indented four spaces past the line's own indent. A word
 * longer than the width (a long path) is never cut. Text after a {@code \r} (a {@link Progress} frame, already
 * sized) passes through as written. A line is held until its line break; {@link #flush} writes a held frame but
 * not a held line, and {@link #close} writes everything. Not thread-safe.
 */
final class LineWrapper extends Writer {
    static final int WIDTH = 100;
    private static final String CONTINUATION = "    ";

    private final Writer out;
    private final StringBuilder line = new StringBuilder();
    /** Inside a progress frame: from a {@code \r} to the next line break. */
    private boolean frame;

    LineWrapper(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                endLine();
                out.write('\n');
            } else if (c == '\r') {
                out.write(line.toString());
                line.setLength(0);
                out.write('\r');
                frame = true;
            } else {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (frame) {
            out.write(line.toString());
            line.setLength(0);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        endLine();
        out.flush();
    }

    private void endLine() throws IOException {
        if (frame) {
            out.write(line.toString());
            frame = false;
        } else {
            out.write(wrap(line.toString()));
        }
        line.setLength(0);
    }

    /** {@code text} (one line, no line break) broken into lines of at most {@link #WIDTH} characters where it can be. */
    static String wrap(String text) {
        String indent = text.substring(0, text.length() - text.stripLeading().length()) + CONTINUATION;
        StringBuilder wrapped = new StringBuilder();
        String rest = text;
        while (rest.codePointCount(0, rest.length()) > WIDTH) {
            int start = rest.length() - rest.stripLeading().length();
            int cut = rest.lastIndexOf(' ', rest.offsetByCodePoints(0, WIDTH));
            if (cut <= start) {
                cut = rest.indexOf(' ', start); // a word wider than the line: it stays whole, on a line of its own
            }
            if (cut < 0 || rest.substring(cut).isBlank()) {
                break;
            }
            wrapped.append(rest, 0, cut).append('\n');
            rest = indent + rest.substring(cut + 1).stripLeading();
        }
        return wrapped.append(rest).toString();
    }
}
