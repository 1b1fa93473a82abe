package io.github.geodispatch.text.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/** Whole files read as UTF-8 text by the readers that take one in a piece (fences, Solomon instances). Stateless. */
public final class Utf8Text {
    private Utf8Text() {}

    /** Says what to throw for bytes that are not UTF-8: the 1-based line and the value (0-255) of the first bad byte. */
    @FunctionalInterface
    public interface NotUtf8 {
        RuntimeException at(int line, int badByte);
    }

    /** The text of {@code bytes}; throws what {@code notUtf8} makes of the first byte that is not UTF-8. */
    public static String decode(byte[] bytes, NotUtf8 notUtf8) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (StandardCharsets.UTF_8.newDecoder().decode(in, out, true).isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw notUtf8.at(line, bytes[in.position()] & 0xff);
        }
        return out.flip().toString();
    }
}
