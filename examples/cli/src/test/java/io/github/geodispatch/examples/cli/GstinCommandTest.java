package io.github.geodispatch.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GstinCommandTest {

    private static String[] run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = GeodispatchCli.run(args);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isEqualTo(expectedExit);
        return buffer.toString(StandardCharsets.UTF_8).split("\\R");
    }

    @Test
    void allValidExitsZeroWithTheCategoryAndStateOfEach() {
        assertThat(run(0, "gstin", "27AAACR5055K1Z7", "33aaacz4322m2z9", "29AABCF8078M1C8", "06DELI09652G1DA",
                "0717UNO00154UNU", "9917SGP29001OST")).containsExactly(
                "27AAACR5055K1Z7 valid REGULAR Maharashtra",
                "33aaacz4322m2z9 valid REGULAR Tamil Nadu",
                "29AABCF8078M1C8 valid TAX_COLLECTOR Karnataka",
                "06DELI09652G1DA valid TAX_DEDUCTOR Haryana",
                "0717UNO00154UNU valid UIN_HOLDER Delhi",
                "9917SGP29001OST valid OIDAR Centre Jurisdiction");
    }

    @Test
    void anyInvalidExitsOneWithTheReason() {
        assertThat(run(1, "gstin", "07AAJCA9880A1ZL", "07AAJCA9880A1ZA", "96AAJCA9880A1ZL")).containsExactly(
                "07AAJCA9880A1ZL valid REGULAR Delhi",
                "07AAJCA9880A1ZA invalid check character is 'A', expected 'L'",
                // a reason past 100 columns continues on the next line (LineWrapper)
                "96AAJCA9880A1ZL invalid state code 96 (Foreign Country) is a place of supply, not a state of",
                "    registration");
    }
}
