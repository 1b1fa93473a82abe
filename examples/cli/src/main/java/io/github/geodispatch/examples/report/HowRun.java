package io.github.geodispatch.examples.report;

/**
 * How the simulated period was run, for the page's footer, in plain words. Immutable and thread-safe.
 *
 * @param command     the command that made the page ("geodispatch city-week --seed 7")
 * @param seed        the random seed (the same seed makes the same page)
 * @param technicians technicians simulated
 * @param jobs        jobs simulated
 * @param steps       one plain sentence per part of the run ("Each morning a planner placed jobs with technicians,
 *                    stopping after 2,000 improvement steps.")
 */
public record HowRun(String command, long seed, long technicians, long jobs, java.util.List<String> steps) {
    public HowRun {
        Checks.text(command, "command");
        Checks.count(technicians, "technicians");
        Checks.count(jobs, "jobs");
        steps = Checks.list(steps, "steps");
        steps.forEach(s -> Checks.text(s, "steps[]"));
    }
}
