package io.github.geodispatch.geofence.internal;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the H3 cell of a point in pure Java. Within one icosahedron face, the H3 cells of a
 * resolution are the Voronoi hexagons of a regular lattice in the face's gnomonic plane. This class
 * derives the 20 face centres (centroids of the res-0 pentagon triangles) and each face's lattice
 * basis from H3 itself at construction, then maps a point to its lattice cell with a handful of
 * multiplications instead of a JNI call.
 *
 * <p>A point is answered on the fast path only when it is far from a face edge and not within
 * {@link #EDGE_EPSILON} lattice units of a hexagon edge; otherwise {@link #fastKey} returns
 * {@link #NO_KEY} and the caller asks H3 ({@link #keyViaH3}). Keys of both paths name cells the same way:
 * the key of a cell is the lattice position of its centre. The fast path names the hexagon that holds the
 * point on the face's plane; H3's {@code latLngToCell} agrees except for points within about a millimetre
 * of a cell edge within about 100 m of a face centre, where H3's own projection rounds (measured: up to
 * 0.57 mm at resolution 13) and the fast path's cell is the one whose centre is nearer the point. Covers are
 * classified from the same lattice cells with a margin, so the index is right whichever cell a point gets.
 * Immutable after construction and thread-safe.
 */
final class H3Lattice {
    /** Returned by {@link #fastKey} when the answer must come from H3. Never a valid key. */
    static final long NO_KEY = 0L;
    /** Distance (in lattice spacings) from a hexagon edge inside which the fast path declines. */
    static final double EDGE_EPSILON = 1e-6;

    private static final double SQRT3 = Math.sqrt(3.0);
    private static final int FACES = 20;
    private static final long OFFSET = 1L << 28;

    private final H3Core h3;
    private final int resolution;
    private final double[] cx = new double[FACES], cy = new double[FACES], cz = new double[FACES];
    private final double[] ux = new double[FACES], uy = new double[FACES], uz = new double[FACES];
    private final double[] vx = new double[FACES], vy = new double[FACES], vz = new double[FACES];
    /** lattice basis e1 = (e1x, e1y), e2 = e1 rotated by +60 degrees, per face. */
    private final double[] e1x = new double[FACES], e1y = new double[FACES];
    /** inverse basis: a = ia*x + ib*y, b = ic*x + id*y. */
    private final double[] ia = new double[FACES], ib = new double[FACES], ic = new double[FACES], id = new double[FACES];
    /** Lattice spacing (centre to neighbouring centre) in gnomonic units = radians near the face centre. */
    private final double spacing;
    /** Minimum (best - second best) face dot product for the fast path. */
    private final double faceMargin;
    /**
     * A point whose dot product with a face centre is at least this is nearest to that face and far enough
     * from its edges for the fast path (it lies in the face's inscribed cap, shrunk by 24 cells).
     */
    private final double capCos;

    H3Lattice(H3Core h3, int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution must be 0-15, was " + resolution);
        }
        this.h3 = h3;
        this.resolution = resolution;
        List<double[]> vertices = new ArrayList<>();
        for (long pentagon : h3.getPentagons(0)) {
            LatLng c = h3.cellToLatLng(pentagon);
            vertices.add(unit(c.lat, c.lng));
        }
        int f = 0;
        for (int i = 0; i < vertices.size(); i++) {
            for (int j = i + 1; j < vertices.size(); j++) {
                for (int k = j + 1; k < vertices.size(); k++) {
                    double[] a = vertices.get(i), b = vertices.get(j), c = vertices.get(k);
                    if (dot(a, b) > 0.3 && dot(b, c) > 0.3 && dot(a, c) > 0.3) {
                        double[] centre = normalize(a[0] + b[0] + c[0], a[1] + b[1] + c[1], a[2] + b[2] + c[2]);
                        calibrate(f++, centre);
                    }
                }
            }
        }
        if (f != FACES) {
            throw new IllegalStateException("expected 20 icosahedron faces from the H3 pentagons, found " + f);
        }
        this.spacing = Math.hypot(e1x[0], e1y[0]);
        // the cell holding a fast-path point must lie wholly on one face: stay 4 cells away from the edge
        // (distance to the bisector of two face centres >= (best - second) / 2)
        this.faceMargin = 2 * Math.sin(4 * spacing);
        double minAngle = Math.PI;
        for (int a = 0; a < FACES; a++) {
            for (int b = a + 1; b < FACES; b++) {
                minAngle = Math.min(minAngle, Math.acos(cx[a] * cx[b] + cy[a] * cy[b] + cz[a] * cz[b]));
            }
        }
        // within (minAngle/2 - delta) of a centre, every other centre is >= 2 delta further away, so the dot
        // products differ by >= 2 sin(minAngle/4) sin(delta): delta = 24 cells keeps that above faceMargin
        this.capCos = Math.cos(Math.max(0, minAngle / 2 - 24 * spacing));
    }

    int resolution() {
        return resolution;
    }

    /** The centre of icosahedron face {@code face} (0-19) as {lat, lng} in degrees. */
    double[] faceCentre(int face) {
        return latLngOf(cx[face], cy[face], cz[face]);
    }

    /** Upper bound of the great-circle distance from a cell centre to any point of its cell, in radians. */
    double cellRadiusRadians() {
        // the hexagon circumradius is spacing / sqrt(3) in the gnomonic plane; gnomonic scale factors are >= 1
        return spacing / SQRT3 * (1 + 1e-9);
    }

    private void calibrate(int f, double[] c) {
        cx[f] = c[0];
        cy[f] = c[1];
        cz[f] = c[2];
        // tangent basis: u towards the north pole (or x-axis near the poles), v = c x u
        double[] pole = Math.abs(c[2]) > 0.99 ? new double[] {1, 0, 0} : new double[] {0, 0, 1};
        double pd = dot(pole, c);
        double[] u = normalize(pole[0] - pd * c[0], pole[1] - pd * c[1], pole[2] - pd * c[2]);
        ux[f] = u[0];
        uy[f] = u[1];
        uz[f] = u[2];
        vx[f] = c[1] * u[2] - c[2] * u[1];
        vy[f] = c[2] * u[0] - c[0] * u[2];
        vz[f] = c[0] * u[1] - c[1] * u[0];

        // rough basis from the face-centre cell's neighbours
        double[] cLatLng = latLngOf(c[0], c[1], c[2]);
        long origin = h3.latLngToCell(cLatLng[0], cLatLng[1], resolution);
        double[] o = project(f, h3.cellToLatLng(origin));
        List<double[]> neighbours = new ArrayList<>();
        for (long n : h3.gridDisk(origin, 1)) {
            if (n != origin) {
                double[] p = project(f, h3.cellToLatLng(n));
                neighbours.add(new double[] {p[0] - o[0], p[1] - o[1]});
            }
        }
        double[] e1 = neighbours.get(0);
        double len = Math.hypot(e1[0], e1[1]);
        if (Math.hypot(o[0], o[1]) > 1e-6 * len || neighbours.size() != 6) {
            throw new IllegalStateException("H3 face " + f + " is not centred on a lattice point; cannot calibrate");
        }
        setBasis(f, e1[0], e1[1]);
        // refine with distant cells: P = (a + b w) e1 as complex numbers, w = e^(i pi/3)
        double sumX = 0, sumY = 0;
        int samples = 0;
        for (int s = 0; s < 3; s++) {
            double angle = s * 2 * Math.PI / 3 + 0.3;
            double t = Math.tan(Math.toRadians(15));
            double[] q = unproject(f, t * Math.cos(angle), t * Math.sin(angle));
            long cell = h3.latLngToCell(q[0], q[1], resolution);
            double[] p = project(f, h3.cellToLatLng(cell));
            double a = ia[f] * p[0] + ib[f] * p[1];
            double b = ic[f] * p[0] + id[f] * p[1];
            double ra = Math.rint(a), rb = Math.rint(b);
            if (Math.abs(a - ra) > 1e-3 || Math.abs(b - rb) > 1e-3) {
                throw new IllegalStateException("H3 face " + f + " does not form a regular lattice at resolution "
                        + resolution + " (fractional lattice position " + a + ", " + b + ")");
            }
            // z = ra + rb * (1/2 + i sqrt3/2); e1 = P / z
            double zr = ra + rb * 0.5, zi = rb * SQRT3 / 2;
            double den = zr * zr + zi * zi;
            sumX += (p[0] * zr + p[1] * zi) / den;
            sumY += (p[1] * zr - p[0] * zi) / den;
            samples++;
        }
        setBasis(f, sumX / samples, sumY / samples);
    }

    private void setBasis(int f, double x, double y) {
        e1x[f] = x;
        e1y[f] = y;
        double e2x = x * 0.5 - y * SQRT3 / 2;
        double e2y = x * SQRT3 / 2 + y * 0.5;
        double det = x * e2y - e2x * y;
        ia[f] = e2y / det;
        ib[f] = -e2x / det;
        ic[f] = -y / det;
        id[f] = x / det;
    }

    private double[] project(int f, LatLng ll) {
        double[] p = unit(ll.lat, ll.lng);
        double d = p[0] * cx[f] + p[1] * cy[f] + p[2] * cz[f];
        return new double[] {(p[0] * ux[f] + p[1] * uy[f] + p[2] * uz[f]) / d, (p[0] * vx[f] + p[1] * vy[f] + p[2] * vz[f]) / d};
    }

    private double[] unproject(int f, double x, double y) {
        return latLngOf(cx[f] + x * ux[f] + y * vx[f], cy[f] + x * uy[f] + y * vy[f], cz[f] + x * uz[f] + y * vz[f]);
    }

    /**
     * The lattice key of the cell holding the unit vector (x, y, z), or {@link #NO_KEY} when the point is
     * too close to a face edge or a hexagon edge for the fast path to be sure. Allocation-free.
     */
    long fastKey(double x, double y, double z) {
        return fastKey(x, y, z, 0);
    }

    /**
     * As {@link #fastKey(double, double, double)}, trying face {@code hintFace} first (the face of the
     * caller's previous key): a point in that face's inscribed cap needs no search over the 20 faces.
     */
    long fastKey(double x, double y, double z, int hintFace) {
        double hintDot = x * cx[hintFace] + y * cy[hintFace] + z * cz[hintFace];
        if (hintDot >= capCos) {
            return roundToKey(hintFace, x, y, z, hintDot, true);
        }
        int best = 0;
        double bestDot = -2, secondDot = -2;
        for (int f = 0; f < FACES; f++) {
            double d = x * cx[f] + y * cy[f] + z * cz[f];
            if (d > bestDot) {
                secondDot = bestDot;
                bestDot = d;
                best = f;
            } else if (d > secondDot) {
                secondDot = d;
            }
        }
        if (bestDot - secondDot < faceMargin) {
            return NO_KEY;
        }
        return roundToKey(best, x, y, z, bestDot, true);
    }

    private long roundToKey(int f, double x, double y, double z, double dotC, boolean guarded) {
        double inv = 1 / dotC;
        double px = (x * ux[f] + y * uy[f] + z * uz[f]) * inv;
        double py = (x * vx[f] + y * vy[f] + z * vz[f]) * inv;
        double a = ia[f] * px + ib[f] * py;
        double b = ic[f] * px + id[f] * py;
        // cube rounding of axial coordinates (a, b, s = -a - b)
        double s = -a - b;
        double ra = Math.rint(a), rb = Math.rint(b), rs = Math.rint(s);
        double da = Math.abs(ra - a), db = Math.abs(rb - b), ds = Math.abs(rs - s);
        if (da > db && da > ds) {
            ra = -rb - rs;
        } else if (db > ds) {
            rb = -ra - rs;
        }
        if (guarded) {
            double fa = a - ra, fb = b - rb;
            double m = Math.max(Math.abs(fa + fb * 0.5), Math.max(Math.abs(fa * 0.5 + fb), Math.abs(fb - fa) * 0.5));
            if (0.5 - m < EDGE_EPSILON) {
                return NO_KEY;
            }
        }
        return pack(f, (long) ra, (long) rb);
    }

    private static long pack(int face, long a, long b) {
        return Long.MIN_VALUE | ((long) face << 58) | ((a + OFFSET) << 29) | (b + OFFSET);
    }

    static int face(long key) {
        return (int) ((key >>> 58) & 0x1F);
    }

    static long a(long key) {
        return ((key >>> 29) & ((1L << 29) - 1)) - OFFSET;
    }

    static long b(long key) {
        return (key & ((1L << 29) - 1)) - OFFSET;
    }

    /**
     * The key of block (blockA, blockB) of {@code face}: the lattice cells whose positions shifted right by a
     * caller's block shift are (blockA, blockB). A key of its own kind: blocks and cells do not share a map.
     */
    static long blockKey(int face, long blockA, long blockB) {
        return pack(face, blockA, blockB);
    }

    /** The key of the cell at lattice offset (da, db) from {@code key} on the same face. */
    static long offset(long key, long da, long db) {
        return pack(face(key), a(key) + da, b(key) + db);
    }

    /** The key of the H3 cell holding (lat, lng), asking H3 (two JNI calls). */
    long keyViaH3(double lat, double lng) {
        return keyOfCell(h3.latLngToCell(lat, lng, resolution));
    }

    /** The key of an H3 cell of this resolution: the lattice position of its centre on the centre's nearest face. */
    long keyOfCell(long cell) {
        LatLng c = h3.cellToLatLng(cell);
        double[] p = unit(c.lat, c.lng);
        int best = 0;
        double bestDot = -2;
        for (int f = 0; f < FACES; f++) {
            double d = p[0] * cx[f] + p[1] * cy[f] + p[2] * cz[f];
            if (d > bestDot) {
                bestDot = d;
                best = f;
            }
        }
        return roundToKey(best, p[0], p[1], p[2], bestDot, false);
    }

    /** The key for (lat, lng): fast path when it is sure, H3 otherwise. */
    long key(double lat, double lng) {
        double la = Math.toRadians(lat), lo = Math.toRadians(lng);
        double cl = Math.cos(la);
        long k = fastKey(cl * Math.cos(lo), cl * Math.sin(lo), Math.sin(la));
        return k != NO_KEY ? k : keyViaH3(lat, lng);
    }

    /** The centre of a key's cell as {lat, lng} in degrees. */
    double[] centre(long key) {
        int f = face(key);
        long a = a(key), b = b(key);
        double x = a * e1x[f] + b * (e1x[f] * 0.5 - e1y[f] * SQRT3 / 2);
        double y = a * e1y[f] + b * (e1x[f] * SQRT3 / 2 + e1y[f] * 0.5);
        return unproject(f, x, y);
    }

    /** The centre of a key's cell as a unit vector, written to {@code out}; allocation-free. */
    void centreUnit(long key, double[] out) {
        int f = face(key);
        long a = a(key), b = b(key);
        double px = a * e1x[f] + b * (e1x[f] * 0.5 - e1y[f] * SQRT3 / 2);
        double py = a * e1y[f] + b * (e1x[f] * SQRT3 / 2 + e1y[f] * 0.5);
        double x = cx[f] + px * ux[f] + py * vx[f], y = cy[f] + px * uy[f] + py * vy[f], z = cz[f] + px * uz[f] + py * vz[f];
        double n = Math.sqrt(x * x + y * y + z * z);
        out[0] = x / n;
        out[1] = y / n;
        out[2] = z / n;
    }

    /** The H3 cell id of a key (one JNI call). */
    long cellOf(long key) {
        double[] c = centre(key);
        return h3.latLngToCell(c[0], c[1], resolution);
    }

    /**
     * True when every point within {@code radiusRadians} of (lat, lng) is on the fast path's face and at
     * least 4 cells from its edges, so that lattice enumeration around it names real H3 cells.
     */
    boolean farFromFaceEdges(double lat, double lng, double radiusRadians) {
        double[] p = unit(lat, lng);
        return farFromFaceEdges(p[0], p[1], p[2], radiusRadians);
    }

    /** As {@link #farFromFaceEdges(double, double, double)} for the unit vector (x, y, z); allocation-free. */
    boolean farFromFaceEdges(double x, double y, double z, double radiusRadians) {
        double bestDot = -2, secondDot = -2;
        for (int f = 0; f < FACES; f++) {
            double d = x * cx[f] + y * cy[f] + z * cz[f];
            if (d > bestDot) {
                secondDot = bestDot;
                bestDot = d;
            } else if (d > secondDot) {
                secondDot = d;
            }
        }
        return bestDot - secondDot >= faceMargin + 2 * Math.sin(radiusRadians + 4 * spacing);
    }

    /** Lattice spacing in radians (centre-to-centre distance near the face centre). */
    double spacingRadians() {
        return spacing;
    }

    static double[] unit(double lat, double lng) {
        double la = Math.toRadians(lat), lo = Math.toRadians(lng);
        double cl = Math.cos(la);
        return new double[] {cl * Math.cos(lo), cl * Math.sin(lo), Math.sin(la)};
    }

    static double[] latLngOf(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, z / n)))), Math.toDegrees(Math.atan2(y, x))};
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
