package io.github.geodispatch.benchmarks.leakage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTest {
    @Test
    void aStatLineGivesUserPlusSystemTicksWhateverTheThreadIsCalled() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 1077952576 12 0 0 0 731 29 0 0 20 0 21 0 100 0 0";
        String odd = "4243 (a (b) c) R 1 4242 4242 0 -1 1077952576 12 0 0 0 5 6 0 0 20 0 21 0 100 0 0";

        assertThat(ThreadCpu.ticks(stat)).isEqualTo(760);
        assertThat(ThreadCpu.ticks(odd)).isEqualTo(11);
    }

    @Test
    void threadsAreSortedByWhatTheJvmNamesThem() {
        assertThat(ThreadCpu.Kind.of("java")).isEqualTo(ThreadCpu.Kind.MAIN);
        assertThat(ThreadCpu.Kind.of("C2 CompilerThre")).isEqualTo(ThreadCpu.Kind.COMPILER);
        assertThat(ThreadCpu.Kind.of("C1 CompilerThre")).isEqualTo(ThreadCpu.Kind.COMPILER);
        assertThat(ThreadCpu.Kind.of("VM Thread")).isEqualTo(ThreadCpu.Kind.COLLECTOR);
        assertThat(ThreadCpu.Kind.of("GC Thread#0")).isEqualTo(ThreadCpu.Kind.COLLECTOR);
        assertThat(ThreadCpu.Kind.of("G1 Refine#0")).isEqualTo(ThreadCpu.Kind.COLLECTOR);
        assertThat(ThreadCpu.Kind.of("Signal Dispatch")).isEqualTo(ThreadCpu.Kind.OTHER);
    }

    @Test
    void aLiveProcessSplitsItsCpuByKindAndKeepsEveryKind() throws Exception {
        ThreadCpu self = new ThreadCpu(ProcessHandle.current().pid());
        long spin = System.nanoTime() + 200_000_000L;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += System.nanoTime() % 7;
        }
        self.sample();

        var seconds = self.seconds(100.0);
        assertThat(seconds).containsOnlyKeys(ThreadCpu.Kind.values());
        assertThat(seconds.values().stream().mapToDouble(Double::doubleValue).sum()).as("spun %d", sum).isGreaterThan(0.0);
    }
}
