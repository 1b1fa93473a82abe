package io.github.geodispatch.examples.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code -V}/{@code --version} prints on every subcommand: {@code geodispatch <version>}, the version from the
 * jar manifest's {@code Implementation-Version}, or (run from the classes directory, as in tests) the Maven project
 * version filtered into {@code version.properties}. Stateless; thread-safe.
 */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"geodispatch " + number()};
    }

    static String number() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the CLI's classes");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CLI's version.properties", e);
        }
    }
}
