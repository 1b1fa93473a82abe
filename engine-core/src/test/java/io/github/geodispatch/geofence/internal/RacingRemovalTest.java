package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import org.junit.jupiter.api.Test;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a ping racing a removal sees. A probe reads a cell's fences as records (from the cell's row) and takes a
 * fence object only when it needs one (a stay confirmed as a visit, a polygon test), by serial, from the index as
 * it is then: once a fence's removal is published, the probe gets no fence object for it, though it read the
 * fence's record before, and the index no longer {@linkplain H3CoverFenceIndex#holds holds} it (what the tracker
 * checks before it starts a visit). The interleaving is made by hand: located, removed, then asked.
 */
class RacingRemovalTest {
    private static final GeoPoint SITE = GeoPoint.of(12.97, 77.59);

    @Test
    void aFenceRemovedAfterItsCellWasReadIsNotHandedOut() {
        H3CoverFenceIndex index = new H3CoverFenceIndex(11);
        index.addAll(List.of(Fence.of("gone", FenceKind.SITE, new FenceShape.Circle(SITE, 40)),
                Fence.of("kept", FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.9702, 77.5902), 40))));
        CachingProbe probe = new CachingProbe();
        probe.set(SITE.lat(), SITE.lng());
        index.locate(probe);
        int gone = candidateNamed(probe, "gone"), kept = candidateNamed(probe, "kept");
        assertThat(probe.candidateContains(gone)).isTrue();
        CompiledFence compiled = probe.candidate(gone);
        assertThat(index.holds(compiled)).isTrue();

        assertThat(index.remove(FenceId.of("gone"))).isTrue();

        assertThat(probe.candidate(gone)).as("the fence object of a fence removed since its cell was read").isNull();
        assertThat(index.holds(compiled)).isFalse();
        assertThat(probe.candidate(kept).fence.id()).isEqualTo(FenceId.of("kept"));
        index.locate(probe); // the next ping reads the cell again: the fence is gone from its candidates
        for (int k = 0; k < probe.candidates(); k++) {
            assertThat(probe.candidate(k).fence.id()).isNotEqualTo(FenceId.of("gone"));
        }
    }

    @Test
    void aFenceRemovedAndAddedAgainIsANewFenceNotTheOld() {
        H3CoverFenceIndex index = new H3CoverFenceIndex(11);
        Fence fence = Fence.of("again", FenceKind.SITE, new FenceShape.Circle(SITE, 40));
        index.add(fence);
        CachingProbe probe = new CachingProbe();
        probe.set(SITE.lat(), SITE.lng());
        index.locate(probe);
        int k = candidateNamed(probe, "again");
        CompiledFence before = probe.candidate(k);
        index.remove(fence.id());
        index.add(fence);
        assertThat(probe.candidate(k)).as("the old serial names no fence now").isNull();
        assertThat(index.holds(before)).isFalse();
    }

    private static int candidateNamed(CachingProbe probe, String id) {
        for (int k = 0; k < probe.candidates(); k++) {
            if (probe.candidate(k).fence.id().equals(FenceId.of(id))) {
                return k;
            }
        }
        throw new AssertionError("no candidate " + id);
    }
}
