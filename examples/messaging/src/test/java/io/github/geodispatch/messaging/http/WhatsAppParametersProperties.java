package io.github.geodispatch.messaging.http;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a parameter holds, what is sent is something the Cloud API takes, and an acceptable one is left alone. */
class WhatsAppParametersProperties {
    private static final String LINE_BREAKS_AND_TABS = "\n\r\t\u000B\f\u0085\u2028\u2029";

    @Property
    void anyStringIsSentAsAnAcceptableParameter(@ForAll @StringLength(max = 2100) String text) {
        assertAcceptable(WhatsAppParameters.clean(text));
    }

    @Property
    void anyMixOfWordsBreaksSpacesAndEmojiIsSentAsAnAcceptableParameterWithWholeCharacters(
            @ForAll("pieces") String text) {
        String cleaned = WhatsAppParameters.clean(text);

        assertAcceptable(cleaned);
        assertThat(hasLoneSurrogate(cleaned)).as("a surrogate pair was split: %s", cleaned).isFalse();
    }

    @Property
    void anAcceptableParameterIsSentUnchanged(@ForAll("acceptable") String text) {
        assertThat(WhatsAppParameters.clean(text)).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> pieces() {
        return Arbitraries.of("a", "Ravi", "नवंबर", ",", ";", " ", "  ", "     ", "\t", "\n", "\r\n", "\r", "\u2028",
                "\u0085", "\u000B", "\uD83D\uDE00").list().ofMaxSize(1500).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> acceptable() {
        return Arbitraries.of("a", "Ravi", "नवंबर", ",", " ", "  ", "    ", "\uD83D\uDE00").list().ofMinSize(1)
                .ofMaxSize(400).map(p -> String.join("", p)).filter(WhatsAppParametersProperties::acceptable);
    }

    /** What the API takes and the adapter leaves alone, written out apart from the code under test. */
    private static boolean acceptable(String s) {
        return !s.isEmpty() && s.length() <= WhatsAppParameters.LIMIT && s.strip().equals(s) && !s.contains("     ")
                && s.chars().noneMatch(c -> LINE_BREAKS_AND_TABS.indexOf(c) >= 0);
    }

    private static void assertAcceptable(String cleaned) {
        assertThat(cleaned).isNotEmpty().doesNotContain("     ");
        assertThat(cleaned.length()).isLessThanOrEqualTo(WhatsAppParameters.LIMIT);
        for (String c : List.of("\n", "\r", "\t", "\u000B", "\f", "\u0085", "\u2028", "\u2029")) {
            assertThat(cleaned).doesNotContain(c);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
