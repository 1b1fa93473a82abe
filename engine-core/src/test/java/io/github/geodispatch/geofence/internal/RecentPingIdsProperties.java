package io.github.geodispatch.geofence.internal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

/** The id ring answers like a map of every id to its latest recorded time, for any arrival order. */
class RecentPingIdsProperties {

    @Property(tries = 200)
    void agreesWithAMapOfEveryIdSeen(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int distinctIds,
                                     @ForAll @IntRange(min = 0, max = 120_000) int jitterMillis) {
        Random random = new Random(seed);
        RecentPingIds ids = new RecentPingIds();
        Map<String, Long> latest = new HashMap<>();
        long horizon = 0;
        long maxLive = 0;
        for (int i = 0; i < 2_000; i++) {
            horizon += random.nextInt(20_000); // the horizon only moves forward
            long at = horizon + 240_000 + random.nextInt(jitterMillis + 1); // arrival order is not time order
            if (random.nextInt(100) == 0) {
                at += 3_600_000; // now and then one far ahead, which must not keep expired ids behind it
            }
            String id = "ping-" + random.nextInt(distinctIds);
            Long seen = latest.get(id);
            boolean duplicate = seen != null && seen >= horizon;
            assertThat(ids.addIfAbsent(id, at, horizon)).as("ping %d (%s)", i, id).isEqualTo(!duplicate);
            if (!duplicate) {
                latest.merge(id, at, Math::max);
            }
            long h = horizon;
            long live = latest.values().stream().filter(t -> t >= h).count();
            maxLive = Math.max(maxLive, live);
            assertThat((long) ids.capacity()).as("ring capacity with at most %d ids live", maxLive).isLessThanOrEqualTo(4 * maxLive + 16);
        }
    }

    @Property(tries = 50)
    void distinctIdsGetDistinctFingerprints(@ForAll @IntRange(min = 0, max = 1_000_000) int start) {
        Map<Long, String> seen = new HashMap<>();
        for (int i = start; i < start + 5_000; i++) {
            for (String id : new String[] {Integer.toString(i), "T-" + i, "dev-" + (i % 97) + "-" + i}) {
                String before = seen.put(RecentPingIds.fingerprint(id), id);
                assertThat(before == null || before.equals(id)).as("%s vs %s", id, before).isTrue();
            }
        }
    }
}
