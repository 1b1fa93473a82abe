package io.github.geodispatch.messaging;

import java.util.List;
import java.util.Locale;

/**
 * The languages every {@link Template} is written in: English, Hindi, Kannada, Tamil and Swahili, by their ISO 639-1
 * codes (the WhatsApp template language codes). A customer's preferred language (an IETF tag such as {@code hi-IN} or
 * {@code sw}) picks one by its primary subtag; any other language gets English. Stateless and thread-safe.
 */
public final class Languages {
    /** The languages, English first (the fallback). */
    public static final List<String> SUPPORTED = List.of("en", "hi", "kn", "ta", "sw");

    private Languages() {}

    /** The template language for a preferred language tag (null or unknown: {@code en}). */
    public static String forTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(primary) ? primary : "en";
    }
}
