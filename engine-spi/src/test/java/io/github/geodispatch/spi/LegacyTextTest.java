package io.github.geodispatch.spi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format 1 stays what it was: the fixture's events print, and hash, exactly as the code of that time printed and
 * hashed them (recorded in {@code hash-chain/v1-golden.txt}: one line per event, the hash, a tab, the text with
 * {@code \\}, {@code \n} and {@code \t} escaped).
 */
class LegacyTextTest {

    private static List<String[]> golden() throws IOException {
        try (InputStream in = LegacyTextTest.class.getResourceAsStream("/hash-chain/v1-golden.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t", 2)).toList();
        }
    }

    private static String unescape(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char n = text.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void everyFormatOneEventPrintsAndHashesAsItDidWhenItWasWritten() throws IOException {
        List<JobEvent> stream = LegacyChainFixture.stream();
        List<String[]> golden = golden();

        assertThat(stream).hasSameSizeAs(golden);
        for (int i = 0; i < stream.size(); i++) {
            assertThat(LegacyText.of(stream.get(i))).as("text of version %d", i + 1).isEqualTo(unescape(golden.get(i)[1]));
            assertThat(HashChain.hash(stream.get(i))).as("hash of version %d", i + 1).isEqualTo(golden.get(i)[0]);
        }
        assertThat(HashChain.verifies(stream, golden.get(golden.size() - 1)[0])).isTrue();
    }

    @Test
    void theRecordsOwnTextNoLongerDecidesTheHash() {
        JobEvent first = LegacyChainFixture.stream().get(0);

        assertThat(first.toString()).as("the header now prints its format").contains("format=TEXT_V1");
        assertThat(LegacyText.of(first)).doesNotContain("format=");
    }
}
