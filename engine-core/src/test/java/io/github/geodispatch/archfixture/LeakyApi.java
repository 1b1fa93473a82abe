package io.github.geodispatch.archfixture;
import org.locationtech.jts.geom.Geometry;

/** A planted violation for {@code ArchitectureTest}: an API type whose method returns a JTS geometry. */
public interface LeakyApi {
    Geometry outline();
}
