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
 * What a ping racing a removal sees. A probe's candidates are what its cell (or disc) held when it was read under
 * the index's version; a fence removed after that is still among them until the next ping reads again. The rule:
 * the tracker starts a visit only at a fence the index {@linkplain H3CoverFenceIndex#holds holds} when the visit
 * is confirmed, so a visit never starts at a fence once its removal is published. The interleaving is made by hand
 * (located, removed, then asked), since within one ping it lasts microseconds.
 */
class RacingRemovalTest {
    private static final GeoPoint SITE = GeoPoint.of(12.97, 77.59);

    @Test
    void aFenceRemovedAfterItsCellWasReadIsNoLongerHeld() {
        H3CoverFenceIndex index = new H3CoverFenceIndex(11);
        index.addAll(List.of(Fence.of("gone", FenceKind.SITE, new FenceShape.Circle(SITE, 40)),
                Fence.of("kept", FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.9702, 77.5902), 40))));
        CachingProbe probe = new CachingProbe();
        probe.set(SITE.lat(), SITE.lng());
        index.locate(probe);
        CompiledFence gone = probe.candidate(candidateNamed(probe, "gone"));
        CompiledFence kept = probe.candidate(candidateNamed(probe, "kept"));
        assertThat(index.holds(gone)).isTrue();

        assertThat(index.remove(FenceId.of("gone"))).isTrue();

        assertThat(probe.candidate(candidateNamed(probe, "gone"))).as("still a candidate of the cell as read").isSameAs(gone);
        assertThat(index.holds(gone)).as("but no longer in the index").isFalse();
        assertThat(index.holds(kept)).isTrue();
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
        CompiledFence before = probe.candidate(candidateNamed(probe, "again"));
        index.remove(fence.id());
        index.add(fence);
        assertThat(index.holds(before)).as("the fence read before its removal, though one with its id is back").isFalse();
        index.locate(probe);
        assertThat(index.holds(probe.candidate(candidateNamed(probe, "again")))).isTrue();
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
