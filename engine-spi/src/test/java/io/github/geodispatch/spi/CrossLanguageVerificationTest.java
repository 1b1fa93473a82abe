package io.github.geodispatch.spi;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The documented format 2 is enough to verify a stream without this library: the Python script beside the test
 * vectors (standard library only) verifies them from their bytes and reaches the head this library computes.
 * Skipped where no {@code python3} is on the path.
 */
class CrossLanguageVerificationTest {

    @Test
    void aPythonScriptVerifiesTheVectorsFromTheirBytesAlone() throws IOException, InterruptedException {
        Path script = SampleData.path("hash-chain/verify_chain.py");
        Path vectors = SampleData.path(CanonicalEncodingTest.VECTORS);
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString(), vectors.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not on the path");
            return;
        }
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        List<JobEvent> stream = CanonicalEncodingTest.vectorStream();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(stream.size() + " events verify, head " + HashChain.head(stream));
    }
}
