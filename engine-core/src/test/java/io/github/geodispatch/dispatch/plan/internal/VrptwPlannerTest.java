package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Short solves (3 s, possibly on a loaded machine) checked for feasibility by {@link SolomonChecker}; the
 * distance bound only proves the search works. Quality is measured by the benchmarks' VrptwQualitySuite.
 */
class VrptwPlannerTest {
    private static final Path SOLOMON = SampleData.path("solomon");

    private static Path instance(String name) {
        return SOLOMON.resolve(name + ".txt");
    }

    private static double bestKnown(String name) throws IOException {
        return Files.readAllLines(SOLOMON.resolve("best-known.csv")).stream()
                .filter(l -> l.startsWith(name + ","))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[2]))
                .findFirst().orElseThrow(() -> new AssertionError("no best-known row for " + name));
    }

    @Test
    void solvesC101FeasiblyNearTheBestKnownDistance() throws IOException {
        Path file = instance("C101");
        VrptwInstance problem = VrptwInstance.read(file);
        List<PlanProgress> progress = new ArrayList<>();

        VrptwSolution solution = VrptwPlanner.solve(problem, PlanTermination.afterSteps(4000), progress::add);

        SolomonChecker.Result check = SolomonChecker.check(file, solution.routes());
        assertThat(check.violations()).isEmpty();
        assertThat(solution.feasible()).isTrue();
        assertThat(solution.distance()).isCloseTo(check.distance(), within(1e-6));
        assertThat(solution.vehicles()).isEqualTo(solution.routes().size()).isLessThanOrEqualTo(25);
        assertThat(solution.distance()).isLessThan(bestKnown("C101") * 1.35);
        assertThat(progress).isNotEmpty();
        assertThat(-progress.get(progress.size() - 1).bestScore().soft() / VrptwPlanner.SCALE)
                .isCloseTo(solution.distance(), within(0.01));
    }

    @Test
    void solvesATightRandomInstanceFeasibly() throws IOException {
        Path file = instance("R101");
        VrptwSolution solution = VrptwPlanner.solve(VrptwInstance.read(file), PlanTermination.afterSteps(4000), p -> { });

        assertThat(SolomonChecker.check(file, solution.routes()).violations()).isEmpty();
        assertThat(solution.distance()).isLessThan(bestKnown("R101") * 1.35);
    }

    @Test
    void everyMoveKeepsScoreAndShadowVariablesConsistentUnderFullAssert() throws IOException {
        VrptwInstance full = VrptwInstance.read(instance("RC101"));
        VrptwInstance small = new VrptwInstance("RC101-12", full.maxVehicles(), full.capacity(), full.customers().subList(0, 13));
        var solver = SolverSetup.assertingSolver(SolverSetup.Budget.of(PlanTermination.afterSteps(300), 12), false, 3L);
        PlanSolution model = VrptwPlanner.model(small);
        CheapestInsertion.construct(model);

        VrptwSolution solution = VrptwPlanner.answer(small, solver.solve(model));

        // FULL_ASSERT throws on any score or shadow-variable corruption, ruin-and-recreate moves included
        assertThat(solution.routes().stream().mapToInt(List::size).sum()).isEqualTo(12);
    }

    /**
     * At the bounds (corners 10^8 apart, service 10^9, all due at 0) every stop on one route is late by up to
     * 10^18 ticks; their sum wrapped the hard score past a hundred or so stops, so that a plan with more late stops
     * scored better. Each stop's lateness is capped: more late stops never score better.
     */
    @Test
    void moreLateStopsNeverScoreBetterAtTheBounds() {
        double corner = VrptwInstance.MAX_COORDINATE;
        double most = VrptwInstance.MAX_QUANTITY;
        List<VrptwInstance.Customer> customers = new ArrayList<>();
        customers.add(new VrptwInstance.Customer(0, 0, 0, 0, 0, most, 0));
        for (int i = 1; i <= 300; i++) {
            double at = i % 2 == 0 ? corner : -corner;
            customers.add(new VrptwInstance.Customer(i, at, at, 1, 0, 0, most));
        }
        PlanSolution plan = VrptwPlanner.model(new VrptwInstance("bounds", 1, most, customers));
        SolutionManager<PlanSolution, HardMediumSoftLongScore> scorer =
                SolutionManager.create(SolverFactory.create(SolverSetup.scoringConfig()));

        long previous = 0;
        for (int planned = 20; planned <= 300; planned += 20) {
            PlanRoute route = plan.routes().get(0);
            List<PlanStop> stops = plan.stops().subList(0, planned);
            route.setStops(new ArrayList<>(stops));
            for (int i = 0; i < planned; i++) {
                PlanStop before = i == 0 ? null : stops.get(i - 1);
                stops.get(i).setShadows(route, i, before, i + 1 < planned ? stops.get(i + 1) : null,
                        route.startAfter(before, stops.get(i)));
            }
            scorer.update(plan, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            long hard = plan.score().hardScore();
            assertThat(hard).as("%d late stops", planned).isNegative().isLessThan(previous);
            previous = hard;
        }
    }

    @Test
    void theCheckerCatchesALateCustomer() throws IOException {
        Path file = instance("C101");
        // customer 1 opens at 912, customer 5 closes at 67: serving 1 first makes 5 late
        assertThat(SolomonChecker.check(file, List.of(List.of(1, 5))).violations())
                .anyMatch(v -> v.contains("customer 5 served at"));
    }

    @Test
    void parsesTheHeaderAndTable() throws IOException {
        VrptwInstance problem = VrptwInstance.read(instance("RC105"));
        assertThat(problem.name()).isEqualTo("RC105");
        assertThat(problem.maxVehicles()).isEqualTo(25);
        assertThat(problem.capacity()).isEqualTo(200.0);
        assertThat(problem.customers()).hasSize(101);
        assertThat(problem.depot().number()).isZero();
    }

    @Test
    void rejectsMalformedFilesWithTheLine() {
        String header = "X1\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\nCUST NO. XCOORD. YCOORD. DEMAND READY DUE SERVICE\n\n";
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 5 5 10 20 10 5\n"))
                .hasMessageContaining("line 11").hasMessageContaining("ready time 20.0 after due date 10.0");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 5 abc 10 0 10 5\n"))
                .hasMessageContaining("line 11").hasMessageContaining("y is not a number");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 5 5 10 0 10\n"))
                .hasMessageContaining("expected 7 columns");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 5 5 60 0 10 5\n"))
                .hasMessageContaining("more than a vehicle's capacity");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n0 5 5 1 0 10 5\n"))
                .hasMessageContaining("customer 0 appears twice");
        assertThatThrownBy(() -> VrptwInstance.parse("")).hasMessageContaining("empty");
    }

    /** A number is named once with its line: "line 11: line 11: y is not a number" was printed. */
    @Test
    void aBadNumberIsNamedWithItsLineOnce() {
        String header = "X1\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\n\n";
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 5 \uff11 10 0 10 5\n"))
                .hasMessage("Solomon file line 10: y is not a number: '\uff11'");
    }

    /**
     * Coordinates beyond ±10^8, or demands, capacities and times beyond 10^9, would overflow the model's travel and
     * time ticks (x = 10^15 failed the solve with a negative match weight); 10^6 is still read.
     */
    @Test
    void numbersBeyondTheBoundsTheModelCanHoldAreRefusedWithTheLine() {
        String header = "X1\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\n\n";
        assertThat(VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 1e6 -1000000 10 0 10 5\n").customers().get(1).x())
                .isEqualTo(1e6);
        assertThat(VrptwInstance.parse(header + "0 0 0 0 0 1000000000 0\n1 100000000 -1e8 10 0 10 1e9\n")
                .customers()).hasSize(2);
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 1e15 5 10 0 10 5\n"))
                .hasMessage("Solomon file line 10: x must be within \u00b1100000000, was 1e15");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 -100000001 0 0 100 0\n1 1 5 10 0 10 5\n"))
                .hasMessage("Solomon file line 9: y must be within \u00b1100000000, was -100000001");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 1 5 10 0 10 1000000001\n"))
                .hasMessage("Solomon file line 10: service time must be from 0 to 1000000000, was 1000000001");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 1e12 0\n1 1 5 10 0 10 1\n"))
                .hasMessage("Solomon file line 9: due date must be from 0 to 1000000000, was 1e12");
        assertThatThrownBy(() -> VrptwInstance.parse(header.replace(" 50\n", " 2e9\n") + "0 0 0 0 0 100 0\n1 1 5 10 0 10 1\n"))
                .hasMessage("Solomon file line 5: capacity must be from 0 to 1000000000, was 2e9");
        assertThatThrownBy(() -> VrptwInstance.parse(header + "0 0 0 0 0 100 0\n1 1 5 -1 0 10 1\n"))
                .hasMessage("Solomon file line 10: demand must be from 0 to 1000000000, was -1");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLineOfItsFirstBadByte(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        byte[] latin1 = "X1\n\nVEHICLE\nNUMBER CAPACITY\n2 50\n\nCUSTOMER\n0 0 0 0 0 100 0\n1 5 5 10 0 10 5 caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), latin1);
        assertThatThrownBy(() -> VrptwInstance.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Solomon file " + file + " is not UTF-8 text: line 9 has the byte 0xE9");
    }
}
