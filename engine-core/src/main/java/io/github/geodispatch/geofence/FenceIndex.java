package io.github.geodispatch.geofence;
import io.github.geodispatch.geofence.internal.H3CoverFenceIndex;
import io.github.geodispatch.spi.GeoPoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which fences contain a point. Built by {@link #builder()}: each fence is stored as an H3 cell cover;
 * a point in an interior cell is inside with no geometry test, a point in a boundary cell gets an exact
 * test (great-circle distance for circles, JTS point-in-area for polygons, boundary points inside).
 * The point's cell is computed in pure Java (no JNI) away from icosahedron face edges.
 *
 * <p>Thread-safe: fences may be added and removed while other threads query; queries take no lock and
 * see each fence either wholly before or wholly after a concurrent change. Writers serialise among
 * themselves.
 */
public interface FenceIndex {

    /** Adds a fence; throws {@link IllegalArgumentException} if a fence with the same id is present. */
    void add(Fence fence);

    /**
     * Adds many fences at once (a day's sites at start-up): all or none. Throws {@link IllegalArgumentException}
     * naming the id, and adds nothing, if two fences share an id or one is already present. Much faster than
     * adding one at a time: each cell's entry is built once for all its fences.
     */
    void addAll(Collection<Fence> fences);

    /** Removes a fence; returns false if there was none with that id. */
    boolean remove(FenceId id);

    Optional<Fence> fence(FenceId id);

    int size();

    /** The fences containing {@code point}, in no particular order. Allocates; ping ingestion uses an internal path. */
    List<Fence> fencesAt(GeoPoint point);

    /** The H3 resolution of the covers. */
    int resolution();

    static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link FenceIndex}. Not thread-safe; the built index is. */
    final class Builder {
        private int resolution = -1;

        private Builder() {}

        /**
         * The H3 resolution of fence covers, 5-13 (default 11, cells of about 2,150 m²: a 100 m site
         * fence has a few interior cells). Coarser suits ward-sized zones; finer suits dense small sites.
         */
        public Builder resolution(int resolution) {
            if (this.resolution != -1) {
                throw new IllegalStateException("resolution already set to " + this.resolution);
            }
            if (resolution < 5 || resolution > 13) {
                throw new IllegalArgumentException("resolution must be 5-13, was " + resolution);
            }
            this.resolution = resolution;
            return this;
        }

        public FenceIndex build() {
            return new H3CoverFenceIndex(resolution == -1 ? 11 : resolution);
        }
    }
}
