package io.github.geodispatch.examples.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The morning plans' limits of the simulations ({@code city-day}, {@code city-week}), as a picocli mixin: the steps
 * that end each plan (so a seed plans the same on any machine) and an optional wall-clock guard. Not thread-safe
 * (picocli fills it once per run).
 */
final class PlanOptions {
    @Option(names = "--plan-steps", paramLabel = "N", description = "Local-search steps of each morning plan per booked "
            + "job, 0-10000; the plan ends on this count, so a seed plans the same morning on any machine; 0 = use the "
            + "greedy baseline office instead of the dispatch engines (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int planSteps;

    @Option(names = "--plan-guard-seconds", paramLabel = "S", description = "Optional outer wall-clock cap on each "
            + "morning plan, 1-600 s; a run it cuts short is no longer repeatable (default: none).")
    Integer planGuardSeconds;

    /** The steps per booked job, checked. */
    int steps() {
        if (planSteps < 0 || planSteps > 10_000) {
            throw new IllegalArgumentException("--plan-steps must be 0-10000, was " + planSteps);
        }
        return planSteps;
    }

    /** The guard, checked; {@code null} when none was given. */
    Duration guard() {
        if (planGuardSeconds != null && (planGuardSeconds < 1 || planGuardSeconds > 600)) {
            throw new IllegalArgumentException("--plan-guard-seconds must be 1-600, was " + planGuardSeconds);
        }
        return planGuardSeconds == null ? null : Duration.ofSeconds(planGuardSeconds);
    }
}
