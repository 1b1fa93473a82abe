package io.github.geodispatch.text.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class CsvFieldProperties {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** A standard CSV parse (RFC 4180 quoting) of {@code text}: its records, each a list of fields. */
    public static List<List<String>> parse(String text) throws IOException {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(text)) {
            return rows.readAll();
        }
    }

    @Property(tries = 2000)
    void aTextFieldReadsBackAsItsTextInItsOwnColumn(@ForAll("hostile") String text) throws IOException {
        List<List<String>> rows = parse("id," + CsvField.text(text) + ",1.00\r\nnext,row,2.00\r\n");

        String expected = text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        assertThat(rows).containsExactly(List.of("id", expected, "1.00"), List.of("next", "row", "2.00"));
    }

    @Property(tries = 2000)
    void aValueFieldReadsBackExactly(@ForAll("hostile") String value) throws IOException {
        assertThat(parse("a," + CsvField.value(value) + "\nb,c\n")).containsExactly(List.of("a", value), List.of("b", "c"));
    }

    @Example
    void formulasGetAnApostropheAndNumbersDoNot() {
        assertThat(CsvField.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvField.text("+91 98450 12345")).isEqualTo("'+91 98450 12345");
        assertThat(CsvField.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvField.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvField.text("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvField.text("a=b")).isEqualTo("a=b");
        assertThat(CsvField.value("-12.50")).isEqualTo("-12.50");
        assertThat(CsvField.text("Rao, Iyer & Sons")).isEqualTo("\"Rao, Iyer & Sons\"");
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> awkward = Arbitraries.strings()
                .withChars(",\"\r\n\t;'=+-@ \u0000\u001b\u007f\u0085\u2028\u2029\ud800\udc00aZ9क़த😀")
                .ofMaxLength(12);
        return Arbitraries.oneOf(awkward, Arbitraries.strings().ofMaxLength(30), Arbitraries.strings().all().ofMaxLength(30));
    }
}
