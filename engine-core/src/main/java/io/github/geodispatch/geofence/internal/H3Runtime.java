package io.github.geodispatch.geofence.internal;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The process-wide H3 binding (loads the native library once). H3Core is thread-safe. */
final class H3Runtime {
    private H3Runtime() {}

    private static final class Holder {
        static final H3Core H3 = load();

        private static H3Core load() {
            try {
                return H3Core.newInstance();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the H3 native library", e);
            }
        }
    }

    static H3Core h3() {
        return Holder.H3;
    }
}
