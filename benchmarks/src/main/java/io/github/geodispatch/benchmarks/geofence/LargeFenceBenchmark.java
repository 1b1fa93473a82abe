package io.github.geodispatch.benchmarks.geofence;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Indexing one large service-area fence into an empty index (resolution 11), one shot per iteration: the
 * largest circle allowed (50 km) and a 1° × 1° polygon, both centred on {@link PingIngestionBenchmark}'s city.
 * How fast pings are answered inside them is {@link PingIngestionBenchmark} with {@code -p large=...}; the
 * memory an indexed large fence keeps is measured by {@link LargeFenceFootprint}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LargeFenceBenchmark {

    @State(Scope.Thread)
    public static class Shape {
        @Param({"circle50km", "polygon1deg"})
        String large;
    }

    @Benchmark
    public FenceIndex index(Shape s) {
        FenceIndex index = FenceIndex.builder().resolution(PingIngestionBenchmark.RESOLUTION).build();
        index.add(largeFence(s.large).orElseThrow());
        return index;
    }

    /** The named large fence over the benchmark's city ({@code none}: none). */
    static Optional<Fence> largeFence(String name) {
        double lat = PingIngestionBenchmark.BOX_LAT, lng = PingIngestionBenchmark.BOX_LNG;
        return switch (name) {
            case "none" -> Optional.empty();
            case "circle50km" -> Optional.of(Fence.of("AREA-50KM", FenceKind.SERVICE_AREA,
                    new FenceShape.Circle(GeoPoint.of(lat, lng), FenceShape.MAX_RADIUS_METRES)));
            case "polygon1deg" -> Optional.of(Fence.of("AREA-1DEG", FenceKind.SERVICE_AREA, new FenceShape.Polygon(List.of(
                    GeoPoint.of(lat - 0.5, lng - 0.5), GeoPoint.of(lat - 0.5, lng + 0.5), GeoPoint.of(lat + 0.5, lng + 0.5),
                    GeoPoint.of(lat + 0.5, lng - 0.5), GeoPoint.of(lat - 0.5, lng - 0.5)))));
            default -> throw new IllegalArgumentException("large fence must be none, circle50km or polygon1deg, was " + name);
        };
    }
}
