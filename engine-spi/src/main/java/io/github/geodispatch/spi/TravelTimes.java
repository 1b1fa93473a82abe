package io.github.geodispatch.spi;

import java.util.List;

/**
 * Road travel between points. The engine's default estimates haversine distance times a road factor at
 * a city speed; a host can plug OSRM, GraphHopper or a cached matrix. Implementations must be thread-safe.
 */
public interface TravelTimes {

    TravelEstimate between(GeoPoint from, GeoPoint to);

    /**
     * Travel seconds from {@code from} to {@code to}. The default calls {@link #between}; adapters on a hot
     * path (candidate ranking) should override it to avoid building a {@link TravelEstimate}.
     */
    default long seconds(GeoPoint from, GeoPoint to) {
        return between(from, to).duration().toSeconds();
    }

    /**
     * Travel seconds from every origin to every destination, {@code [origin][destination]}. The default
     * calls {@link #between} per pair; adapters backed by a matrix service should override it.
     */
    default long[][] secondsMatrix(List<GeoPoint> origins, List<GeoPoint> destinations) {
        long[][] matrix = new long[origins.size()][destinations.size()];
        for (int i = 0; i < origins.size(); i++) {
            for (int j = 0; j < destinations.size(); j++) {
                matrix[i][j] = between(origins.get(i), destinations.get(j)).duration().toSeconds();
            }
        }
        return matrix;
    }
}
