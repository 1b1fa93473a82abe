package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.PlanScore;
import java.util.List;
import java.util.Objects;

/**
 * A VRPTW answer: the routes (customer numbers in visit order, depot omitted), how many vehicles they
 * use and their unrounded Euclidean length. Immutable and thread-safe.
 *
 * @param feasible whether the planner's own model found no broken rule (capacity, windows, depot return)
 * @param score the planner's final score
 */
public record VrptwSolution(String instance, int vehicles, double distance, List<List<Integer>> routes,
        boolean feasible, PlanScore score) {
    public VrptwSolution {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(score, "score");
        routes = routes.stream().map(List::copyOf).toList();
    }
}
