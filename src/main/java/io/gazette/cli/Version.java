package io.gazette.cli;

import picocli.CommandLine;

/** The version printed by {@code gazette --version}, read from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GazetteCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Gazette " + (version == null ? "(development build)" : version)
                + " on Java " + System.getProperty("java.version")};
    }
}
