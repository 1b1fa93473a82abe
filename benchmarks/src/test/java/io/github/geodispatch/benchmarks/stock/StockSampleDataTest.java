package io.github.geodispatch.benchmarks.stock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample of {@code examples/data/stock/} is what its generator writes: regenerate it to change it. */
class StockSampleDataTest {
    @Test
    void theCommittedSampleIsTheGeneratorsOutput(@TempDir Path tmp) throws Exception {
        StockJournalGenerator.main(new String[] {tmp.toString()});
        Path committed = Path.of("..", "examples", "data", "stock");
        for (String file : new String[] {"journal.jsonl", "truth.jsonl", "as_of.txt"}) {
            assertThat(Files.readString(tmp.resolve(file))).as(file).isEqualTo(Files.readString(committed.resolve(file)));
        }
    }
}
