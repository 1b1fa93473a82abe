package io.github.geodispatch.messaging.http;

/**
 * A template body parameter as the Cloud API takes it. The API refuses a text parameter with a new-line or tab
 * character or more than four consecutive spaces ("Param text cannot have new-line/tab characters or more than 4
 * consecutive spaces"), an empty one, and one past its length limit (1,024 characters when the template has other
 * components than the body); {@code docs/adapters.md} gives the sources. So: each line break (and a run of them, with
 * the blanks around it) becomes ", " (or one space after a line that ends in {@code , ; :}), a tab a space, a run of
 * five or more spaces one space; the ends are trimmed; a longer text is cut to {@link #LIMIT} characters, the last
 * being an ellipsis, never between the halves of a surrogate pair; nothing left is {@link #EMPTY}. A parameter the
 * API already takes is returned as it is. Stateless.
 */
final class WhatsAppParameters {
    /** The longest parameter sent, in UTF-16 chars (never more characters than that, however they are counted). */
    static final int LIMIT = 1024;
    /** What is sent for a parameter with nothing left to send. */
    static final String EMPTY = "-";
    private static final String ELLIPSIS = "\u2026";

    private WhatsAppParameters() {}

    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !isLineBreak(text.charAt(i))) {
                continue;
            }
            String line = spaced(text.substring(lineStart, i)).strip();
            lineStart = i + 1;
            if (line.isEmpty()) {
                continue; // a blank line, or the second half of CR LF
            }
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                out.append(last == ',' || last == ';' || last == ':' ? " " : ", ");
            }
            out.append(line);
        }
        String result = out.toString();
        if (result.isEmpty()) {
            return EMPTY;
        }
        return result.length() <= LIMIT ? result : cut(result);
    }

    /** Tabs as spaces, runs of five or more spaces as one. */
    private static String spaced(String line) {
        return line.replace('\t', ' ').replaceAll(" {5,}", " ");
    }

    private static String cut(String text) {
        int end = LIMIT - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
