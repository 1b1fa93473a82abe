package io.github.geodispatch.geofence.internal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

/** A technician's probe, positioned by angle addition from an anchor, agrees with the exact unit vector. */
class CachingProbeProperties {

    @Property(tries = 200)
    void unitVectorsAgreeWithExactTrigonometry(@ForAll @DoubleRange(min = -89, max = 89) double lat,
                                               @ForAll @DoubleRange(min = -180, max = 180) double lng, @ForAll long seed) {
        Random random = new Random(seed);
        CachingProbe walking = new CachingProbe();
        PointProbe exact = new PointProbe();
        for (int i = 0; i < 500; i++) {
            // mostly small steps (a technician's next ping), now and then a jump far from the anchor
            double step = random.nextInt(50) == 0 ? 3 : 0.01;
            lat = Math.max(-89.9, Math.min(89.9, lat + (random.nextDouble() * 2 - 1) * step));
            lng = lng + (random.nextDouble() * 2 - 1) * step;
            lng = lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
            walking.set(lat, lng);
            exact.set(lat, lng);
            assertThat(walking.lat).isEqualTo(lat);
            assertThat(walking.lng).isEqualTo(lng);
            // 1e-15 of the earth's radius is 6 nm
            assertThat(Math.abs(walking.x - exact.x) + Math.abs(walking.y - exact.y) + Math.abs(walking.z - exact.z))
                    .as("point %d at (%s, %s)", i, lat, lng).isLessThan(1e-15);
        }
    }
}
