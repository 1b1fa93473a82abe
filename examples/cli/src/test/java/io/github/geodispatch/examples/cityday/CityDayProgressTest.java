package io.github.geodispatch.examples.cityday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.examples.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class CityDayProgressTest {

    @Test
    void aRefusedOutputDirectoryStillEndsTheLastPhaseBeforeTheErrorIsPrinted(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "not city-day's");
        StringWriter printed = new StringWriter();

        assertThatThrownBy(() -> CityDayRun.run(new CityDayRun.Settings(7, 6, 12, 2, null), out,
                new PrintWriter(new StringWriter()), Progress.plain(new PrintWriter(printed))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt");

        assertThat(printed.toString().lines().toList()).last().asString().matches(" writing the report: done in \\d+\\.\\d s");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("not city-day's");
    }
}
