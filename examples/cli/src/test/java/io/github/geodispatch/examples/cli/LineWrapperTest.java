package io.github.geodispatch.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

class LineWrapperTest {

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcxyz·₹─0123456789/").ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> indent = Arbitraries.of("", " ", "   ", "               ");
        return net.jqwik.api.Combinators.combine(indent, word.list().ofMaxSize(40))
                .as((pad, words) -> pad + String.join(" ", words));
    }

    @Property(tries = 500)
    void everyLineFitsUnlessOneWordIsWiderAndNoWordIsLostOrCut(@ForAll("lines") String line) {
        String wrapped = LineWrapper.wrap(line);
        for (String part : wrapped.split("\n")) {
            boolean oneWideWord = !part.strip().contains(" ");
            assertThat(part.codePointCount(0, part.length()) <= LineWrapper.WIDTH || oneWideWord).as(part).isTrue();
        }
        assertThat(words(wrapped)).isEqualTo(words(line));
        if (line.codePointCount(0, line.length()) <= LineWrapper.WIDTH) {
            assertThat(wrapped).isEqualTo(line);
        }
    }

    @Test
    void aWordWiderThanTheLineStaysWholeOnALineOfItsOwn() {
        String path = "/tmp/" + "d".repeat(120);
        assertThat(LineWrapper.wrap("  wrote " + path + " and more").split("\n"))
                .containsExactly("  wrote", "      " + path, "      and more");
    }

    @Test
    void continuationLinesAreIndentedPastTheLinesOwnIndent() {
        String line = "   " + "word ".repeat(30).strip();
        assertThat(LineWrapper.wrap(line).split("\n"))
                .containsExactly("   " + "word ".repeat(19).strip(), "       " + "word ".repeat(11).strip());
    }

    @Test
    void aProgressFrameIsFlushedAsWrittenAndALineIsHeldUntilItsBreak() throws IOException {
        StringWriter out = new StringWriter();
        LineWrapper wrapper = new LineWrapper(out);
        wrapper.write("\r frame 1");
        wrapper.flush();
        assertThat(out.toString()).isEqualTo("\r frame 1");
        wrapper.write("\r frame 2\n" + "x ".repeat(60).strip());
        wrapper.flush();
        assertThat(out.toString()).isEqualTo("\r frame 1\r frame 2\n");
        wrapper.close();
        assertThat(out.toString().split("\n")).hasSize(3).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(out.toString()).endsWith("x x x");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
