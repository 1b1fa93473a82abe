package io.github.geodispatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

class ProgressTest {
    /** A clock the test moves by hand: no test here depends on the machine's speed. */
    private static final class HandClock {
        long nanos;

        void pass(long millis) {
            nanos += millis * 1_000_000L;
        }
    }

    @Test
    void plainProgressPrintsOneLinePerPhaseStartAndEndAndNoCarriageReturn() {
        StringWriter text = new StringWriter();
        HandClock clock = new HandClock();
        Progress progress = new PlainProgress(new PrintWriter(text), () -> clock.nanos);
        progress.phase("building the world", 0);
        clock.pass(400);
        progress.phase("the morning plan", 0);
        progress.advance(5);
        progress.status("08:00 IST");
        clock.pass(11_200);
        progress.done();
        progress.done();

        assertThat(text.toString()).doesNotContain("\r").isEqualTo(String.join(System.lineSeparator(),
                " building the world ...", " building the world: done in 0.4 s",
                " the morning plan ...", " the morning plan: done in 11.2 s", ""));
    }

    @Test
    void terminalBarNamesThePhaseAndEndsEachPhaseWithOneFinalFrame() {
        StringWriter text = new StringWriter();
        HandClock clock = new HandClock();
        Progress progress = new TerminalProgress(new PrintWriter(text), () -> clock.nanos);
        progress.phase("simulating 08:00-21:30", 810);
        for (int minute = 0; minute < 810; minute += 10) {
            clock.pass(50);
            progress.advance(10);
            progress.status("minute " + minute);
        }
        progress.done();

        String[] frames = text.toString().split("\r", -1);
        assertThat(frames[0]).isEmpty();
        List<String> drawn = Arrays.asList(frames).subList(1, frames.length);
        assertThat(drawn).allSatisfy(frame -> assertThat(frame.stripTrailing()).startsWith(" simulating 08:00-21:30"));
        // every other advance is 100 ms after the last frame: 40 redraws, the first frame and the final one
        assertThat(drawn).hasSize(42);
        assertThat(drawn.stream().filter(f -> f.contains("100%"))).hasSize(1);
        assertThat(drawn.get(drawn.size() - 1)).contains("100%").contains("in 4.1 s").endsWith("\n");
        assertThat(text.toString().chars().filter(c -> c == '\n')).hasSize(1);
    }

    @Test
    void aBurstOfAdvancesWithinATenthOfASecondDrawsNothing() {
        StringWriter text = new StringWriter();
        Progress progress = new TerminalProgress(new PrintWriter(text), () -> 0L);
        progress.phase("writing the report", 1000);
        for (int i = 0; i < 999; i++) {
            progress.advance(1);
        }
        assertThat(text.toString().split("\r", -1)).hasSize(2);
    }

    @Test
    void aPhaseCutShortDoesNotClaimOneHundredPercent() {
        StringWriter text = new StringWriter();
        Progress progress = new TerminalProgress(new PrintWriter(text), () -> 0L);
        progress.phase("simulating", 100);
        progress.advance(40);
        progress.done();
        assertThat(text.toString()).contains(" 40%").doesNotContain("100%");
    }

    @Test
    void aNegativeTotalIsRefused() {
        Progress progress = new TerminalProgress(new PrintWriter(new StringWriter()), () -> 0L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.phase("x", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void theSystemPropertyOverridesTheTerminalDetection() {
        String before = System.getProperty("geodispatch.terminal");
        try {
            System.setProperty("geodispatch.terminal", "true");
            assertThat(Progress.forConsole(new PrintWriter(new StringWriter()), true)).isInstanceOf(TerminalProgress.class);
            System.setProperty("geodispatch.terminal", "false");
            assertThat(Progress.forConsole(new PrintWriter(new StringWriter()), true)).isInstanceOf(PlainProgress.class);
            StringWriter none = new StringWriter();
            Progress off = Progress.forConsole(new PrintWriter(none), false);
            off.phase("x", 3);
            off.advance(3);
            off.done();
            assertThat(none.toString()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("geodispatch.terminal");
            } else {
                System.setProperty("geodispatch.terminal", before);
            }
        }
    }

    /** One reported step: a phase change (name, total) or an advance, each after some milliseconds. */
    record Step(int millis, String phase, long total, long advance) {}

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> phase = Combinators.combine(Arbitraries.integers().between(0, 300),
                Arbitraries.strings().withChars("abc 0123456789:-").ofMaxLength(140),
                Arbitraries.longs().between(0, 1000)).as((ms, name, total) -> new Step(ms, name, total, 0));
        Arbitrary<Step> advance = Combinators.combine(Arbitraries.integers().between(0, 300),
                Arbitraries.longs().between(-5, 400)).as((ms, units) -> new Step(ms, null, 0, units));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, phase), net.jqwik.api.Tuple.of(5, advance))
                .list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void everyFrameFitsAndEveryPhaseEndsOnceWithOneFinalFrame(@ForAll("runs") List<Step> steps) {
        StringWriter text = new StringWriter();
        HandClock clock = new HandClock();
        Progress progress = new TerminalProgress(new PrintWriter(text), () -> clock.nanos);
        long phases = 0;
        for (Step step : steps) {
            clock.pass(step.millis());
            if (step.phase() != null) {
                progress.phase(step.phase(), step.total());
                phases++;
            } else {
                progress.advance(step.advance());
                progress.status("at " + clock.nanos);
            }
        }
        progress.done();

        String out = text.toString();
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(phases);
        for (String frame : out.split("[\r\n]")) {
            assertThat(frame.length()).isLessThanOrEqualTo(Progress.WIDTH);
        }
        // each phase's line holds exactly one final frame, the one ending with its duration
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                String[] frames = line.split("\r", -1);
                assertThat(Arrays.stream(frames).filter(f -> f.contains(" s") && f.matches(".* in \\d+\\.\\d s\\s*")))
                        .hasSize(1);
                assertThat(frames[frames.length - 1]).matches(".* in \\d+\\.\\d s\\s*");
            }
        }
    }
}
