package io.github.geodispatch.messaging.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Template parameters made acceptable to the Cloud API: line breaks, tabs, long runs of spaces, length, emptiness. */
class WhatsAppParametersTest {

    @Test
    void aMultiLineAddressBecomesOneLineWithCommasAndNoEmptyParts() {
        assertThat(WhatsAppParameters.clean("Flat 4B, Prestige Lakeside\r\n\r\n   Whitefield Main Road\nBengaluru 560066\n"))
                .isEqualTo("Flat 4B, Prestige Lakeside, Whitefield Main Road, Bengaluru 560066");
        assertThat(WhatsAppParameters.clean("Plot 12,\nNgong Road;\rNairobi")).isEqualTo("Plot 12, Ngong Road; Nairobi");
        assertThat(WhatsAppParameters.clean("Gate 2\u2028Kilimani")).isEqualTo("Gate 2, Kilimani");
    }

    @Test
    void tabsBecomeSpaces() {
        assertThat(WhatsAppParameters.clean("Ravi\tKumar")).isEqualTo("Ravi Kumar");
        assertThat(WhatsAppParameters.clean("\tKES\t2,500\t")).isEqualTo("KES 2,500");
    }

    @Test
    void fiveOrMoreSpacesInARowBecomeOneAndFourStay() {
        assertThat(WhatsAppParameters.clean("Ravi     Kumar")).isEqualTo("Ravi Kumar");
        assertThat(WhatsAppParameters.clean("Ravi" + " ".repeat(40) + "Kumar")).isEqualTo("Ravi Kumar");
        assertThat(WhatsAppParameters.clean("Ravi  \t  Kumar")).isEqualTo("Ravi Kumar");
        assertThat(WhatsAppParameters.clean("Ravi    Kumar")).isEqualTo("Ravi    Kumar");
    }

    @Test
    void aTooLongParameterIsCutAtTheLimitWithAnEllipsis() {
        String cleaned = WhatsAppParameters.clean("a".repeat(1023) + "bcdef");

        assertThat(cleaned).hasSize(WhatsAppParameters.LIMIT).isEqualTo("a".repeat(1023) + "\u2026");
        assertThat(WhatsAppParameters.clean("a".repeat(1024))).isEqualTo("a".repeat(1024));
    }

    @Test
    void anEmojiAtTheCutIsLeftOutWholeNeverHalved() {
        String across = WhatsAppParameters.clean("a".repeat(1022) + "\uD83D\uDE00" + "b".repeat(50));
        String before = WhatsAppParameters.clean("a".repeat(1021) + "\uD83D\uDE00" + "b".repeat(50));

        assertThat(across).isEqualTo("a".repeat(1022) + "\u2026");
        assertThat(before).isEqualTo("a".repeat(1021) + "\uD83D\uDE00" + "\u2026").hasSize(WhatsAppParameters.LIMIT);
    }

    @Test
    void nothingLeftIsSentAsADash() {
        assertThat(WhatsAppParameters.clean("")).isEqualTo("-");
        assertThat(WhatsAppParameters.clean("   ")).isEqualTo("-");
        assertThat(WhatsAppParameters.clean("\r\n\t\n  \n")).isEqualTo("-");
    }

    @Test
    void anAcceptableParameterIsSentAsItIs() {
        assertThat(WhatsAppParameters.clean("16 नवंबर 14:00-16:00")).isEqualTo("16 नवंबर 14:00-16:00");
        assertThat(WhatsAppParameters.clean("https://pay.example/j/J-1?x=1")).isEqualTo("https://pay.example/j/J-1?x=1");
    }
}
