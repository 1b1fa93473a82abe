package io.github.geodispatch.geofence;
import io.github.geodispatch.geofence.internal.FenceShapes;
import java.util.Objects;

/**
 * A named, typed area whose shape is topologically valid: the constructor rejects self-intersecting
 * polygons with an {@link InvalidFenceException} (use {@link FenceShapes#repair} first to fix them).
 * Immutable and thread-safe.
 */
public record Fence(FenceId id, FenceKind kind, FenceShape shape) {
    public Fence {
        Objects.requireNonNull(id, "fence id");
        Objects.requireNonNull(kind, "fence kind");
        Objects.requireNonNull(shape, "fence shape");
        FenceShapes.validate(shape);
    }

    public static Fence of(String id, FenceKind kind, FenceShape shape) {
        return new Fence(FenceId.of(id), kind, shape);
    }
}
