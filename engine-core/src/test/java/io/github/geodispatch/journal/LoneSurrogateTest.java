package io.github.geodispatch.journal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JSON escape can name half of a UTF-16 surrogate pair ({@code \ud800}), which no UTF-8 file holds and no output
 * can write: such a line is malformed, as a line of bytes that are not UTF-8 is, and the rest of the journal reads.
 */
class LoneSurrogateTest {

    /** A customer line whose name is {@code name}, every character written as a JSON escape. */
    private static String customer(String name) {
        StringBuilder escaped = new StringBuilder();
        name.chars().forEach(c -> escaped.append(String.format(Locale.ROOT, "\\u%04x", c)));
        return "{\"type\":\"customer\",\"id\":\"C-1\",\"name\":\"" + escaped + "\",\"address\":\"1 MG Road\"}";
    }

    @Test
    void aLoneHalfOfAPairIsMalformedNamingItsFieldAndAWholePairReads() {
        assertThatThrownBy(() -> JournalReader.parseLine(customer("Ravi \ud800")))
                .isInstanceOfSatisfying(JournalSyntaxException.class,
                        e -> assertThat(e.kind()).isEqualTo(JournalProblem.Kind.MALFORMED))
                .hasMessageContaining("field 'name' holds \\ud800, half of a UTF-16 surrogate pair");
        assertThat(((JournalRecord.Customer) JournalReader.parseLine(customer("Ravi \ud83d\ude00"))).name())
                .isEqualTo("Ravi \ud83d\ude00");
    }

    @Test
    void aStockLineWithALoneHalfInItsSkuIsMalformed() {
        String line = "{\"type\":\"stock.sku\",\"at\":\"2026-11-01T09:00:00+05:30\",\"sku\":\"FILTER-\\udc00\","
                + "\"name\":\"RO filter\",\"hsn\":\"8421\",\"unit\":\"PCS\",\"cost\":{\"amount\":\"100.00\",\"currency\":\"INR\"}}";

        assertThatThrownBy(() -> JournalReader.parseLine(line))
                .isInstanceOfSatisfying(JournalSyntaxException.class,
                        e -> assertThat(e.kind()).isEqualTo(JournalProblem.Kind.MALFORMED))
                .hasMessageContaining("'sku' holds \\udc00");
    }

    @Property(tries = 1000)
    void aNameReadsBackExactlyWhenItIsTextAndIsMalformedWhenItHoldsALoneHalf(@ForAll("names") String name) {
        if (wellFormed(name)) {
            assertThat(((JournalRecord.Customer) JournalReader.parseLine(customer(name))).name()).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> JournalReader.parseLine(customer(name)))
                    .isInstanceOfSatisfying(JournalSyntaxException.class,
                            e -> assertThat(e.kind()).isEqualTo(JournalProblem.Kind.MALFORMED));
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("Ravi \ud800\udbff\udc00\udfff\ud83d\ude00क")
                .ofMinLength(1).ofMaxLength(8).filter(n -> !n.isBlank());
    }

    /** An oracle written apart from the parser's: every high half followed by a low half, every low half after one. */
    private static boolean wellFormed(String s) {
        return s.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff);
    }
}
