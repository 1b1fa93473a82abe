package io.github.geodispatch.examples.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputCheckTest {
    @Test
    void controlCharactersAreEscapedAndTheRestIsKept() {
        assertThat(InputCheck.oneLine("a\nb\rc\td\u001b[31me\u007ff\u0085g\u00a0h\u0915\uD83D\uDE00"))
                .isEqualTo("a\\nb\\rc\\td\\u001b[31me\\u007ff\\u0085g\u00a0h\u0915\uD83D\uDE00");
    }

    @Test
    void aLongProblemIsCutSayingItsLength() {
        String exact = "y".repeat(InputCheck.MAX_PROBLEM_CHARS);
        assertThat(InputCheck.oneLine(exact)).isEqualTo(exact);
        assertThat(InputCheck.oneLine(exact + "z")).isEqualTo(exact + "\u2026 (301 characters)");
        // an escape is never cut in half: it is left out whole
        assertThat(InputCheck.oneLine("y".repeat(298) + "\u001b")).isEqualTo("y".repeat(298) + "\u2026 (299 characters)");
    }
}
