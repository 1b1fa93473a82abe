package io.github.geodispatch.dispatch.plan.internal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent VRPTW feasibility checker: parses the Solomon file itself (not through
 * {@link VrptwInstance}), then walks each route with exact double arithmetic as the Solomon convention
 * says (travel time = Euclidean distance, service starts at max(arrival, ready), must not start after
 * due, the vehicle must be back by the depot's due time and carry at most its capacity).
 */
final class SolomonChecker {
    record Result(double distance, List<String> violations) {}

    private SolomonChecker() {}

    static Result check(Path instance, List<List<Integer>> routes) throws IOException {
        double capacity = Double.NaN;
        Map<Integer, double[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(instance);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f[0].equalsIgnoreCase("NUMBER")) {
                String[] values = lines.get(i + 1).trim().split("\\s+");
                capacity = Double.parseDouble(values[1]);
            }
            if (f.length == 7 && f[0].matches("\\d+")) {
                double[] row = new double[6];
                for (int k = 0; k < 6; k++) {
                    row[k] = Double.parseDouble(f[k + 1]);
                }
                rows.put(Integer.parseInt(f[0]), row); // x y demand ready due service
            }
        }
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> visits = new HashMap<>();
        double total = 0;
        double[] depot = rows.get(0);
        for (int r = 0; r < routes.size(); r++) {
            double time = 0;
            double load = 0;
            double[] at = depot;
            for (int c : routes.get(r)) {
                double[] row = rows.get(c);
                if (row == null || c == 0) {
                    violations.add("route " + r + ": unknown customer " + c);
                    continue;
                }
                visits.merge(c, 1, Integer::sum);
                double leg = Math.hypot(row[0] - at[0], row[1] - at[1]);
                total += leg;
                time = Math.max(time + leg, row[3]);
                if (time > row[4]) {
                    violations.add("route " + r + ": customer " + c + " served at " + time + " after due " + row[4]);
                }
                time += row[5];
                load += row[2];
                at = row;
            }
            double back = Math.hypot(depot[0] - at[0], depot[1] - at[1]);
            total += back;
            if (time + back > depot[4]) {
                violations.add("route " + r + ": back at " + (time + back) + " after depot due " + depot[4]);
            }
            if (load > capacity) {
                violations.add("route " + r + ": load " + load + " over capacity " + capacity);
            }
        }
        for (int c : rows.keySet()) {
            if (c != 0 && visits.getOrDefault(c, 0) != 1) {
                violations.add("customer " + c + " visited " + visits.getOrDefault(c, 0) + " times");
            }
        }
        return new Result(total, violations);
    }
}
