package org.sanctionskg.cli;

import org.sanctionskg.Config;
import picocli.CommandLine.Option;

/** {@code --keep-releases}, for the commands that load (default: {@link ConfigDefaults}). */
final class KeepOption {
    @Option(names = "--keep-releases", paramLabel = "N",
            description = "Releases kept downloadable after a load, the live one included; older ones lose their TDB2 (default: ${DEFAULT-VALUE}).")
    int keepReleases;

    Config apply(Config config) {
        return config.with(b -> b.keepReleases(keepReleases));
    }
}
