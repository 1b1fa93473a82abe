package io.github.geodispatch.examples.cityday;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geodispatch.examples.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed writes the same day whatever the machine's load: the morning plan ends on step counts, never on the
 * clock. The second run shares the machine with a thread per core that burns CPU the whole time.
 */
class CityDayDeterminismTest {
    private static final CityDayRun.Settings DAY = new CityDayRun.Settings(42, 8, 80, 50, null);

    @Test
    void theSameSeedWritesAByteIdenticalJournalBesideAThreadThatBurnsCpu(@TempDir Path dir) throws Exception {
        CityDayRun.Written quiet = CityDayRun.run(DAY, dir.resolve("quiet"), new PrintWriter(new StringWriter()), Progress.none());

        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread burner = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x = x * 6364136223846793005L + 1442695040888963407L; // keeps a core busy
                }
                if (x == 42) {
                    System.out.print(""); // uses x, so the loop is not optimised away
                }
            }, "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        CityDayRun.Written loaded;
        try {
            loaded = CityDayRun.run(DAY, dir.resolve("loaded"), new PrintWriter(new StringWriter()), Progress.none());
        } finally {
            burning.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
        }

        assertThat(quiet.journalLines()).isGreaterThan(1_000);
        assertThat(Files.mismatch(quiet.journal(), loaded.journal())).as("first differing byte").isEqualTo(-1L);
    }
}
