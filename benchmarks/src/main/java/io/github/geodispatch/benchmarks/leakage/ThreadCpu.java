package io.github.geodispatch.benchmarks.leakage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a process's CPU goes, by kind of thread: sampled from {@code /proc/PID/task/TID/stat} while the process
 * runs, keeping each thread's last reading (a compiler thread the JVM stops early keeps what it used). On one core
 * the JIT compiler's threads compete with the program for the same CPU, so a throughput figure per CPU-second says
 * little without this split. Linux only. Not thread-safe.
 */
final class ThreadCpu {
    /** Kinds of JVM thread, by the name the JVM gives them (the kernel keeps its first 15 characters). */
    enum Kind {
        /** The launcher's threads, named after the program: {@code main} runs on one of them. */
        MAIN,
        /** C1 and C2 compiler threads. */
        COMPILER,
        /** The VM thread (where the serial and parallel collectors' pauses run) and the collectors' own threads. */
        COLLECTOR,
        OTHER;

        static Kind of(String threadName) {
            if (threadName.equals("java")) {
                return MAIN;
            }
            if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
                return COMPILER;
            }
            if (threadName.equals("VM Thread") || threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")
                    || threadName.startsWith("VM Periodic")) {
                return COLLECTOR;
            }
            return OTHER;
        }
    }

    private final long pid;
    private final Map<Long, Long> ticksByThread = new HashMap<>();
    private final Map<Long, Kind> kindByThread = new HashMap<>();

    ThreadCpu(long pid) {
        this.pid = pid;
    }

    /** Reads every thread's CPU so far; threads gone since the last sample keep their last reading. */
    void sample() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    long ticks = ticks(Files.readString(task.resolve("stat")));
                    long tid = Long.parseLong(task.getFileName().toString());
                    ticksByThread.merge(tid, ticks, Math::max);
                    kindByThread.computeIfAbsent(tid, t -> Kind.of(threadName(task)));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
    }

    /** Seconds of CPU per kind of thread, from the samples taken. */
    Map<Kind, Double> seconds(double ticksPerSecond) {
        Map<Kind, Double> seconds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            seconds.put(kind, 0.0);
        }
        ticksByThread.forEach((tid, ticks) -> seconds.merge(kindByThread.get(tid), ticks / ticksPerSecond, Double::sum));
        return seconds;
    }

    /** utime + stime of a {@code stat} line (fields 14 and 15, counted after the parenthesised name). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }
}
