package io.gazette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by {@code gazette --version}: the Maven version from the jar's manifest and
 * the commit it was built from ({@code git describe}, written into {@code gazette/git.properties}
 * by git-commit-id-maven-plugin at build time).
 */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {describe() + " on Java " + System.getProperty("java.version")};
    }

    static String describe() {
        String version = GazetteCommand.class.getPackage().getImplementationVersion();
        String commit = commit();
        return "Gazette " + (version == null ? "(development build)" : version)
                + (commit == null ? "" : " (commit " + commit + ")");
    }

    /** {@code git describe --tags --always --dirty} of the build, or null when built outside Git. */
    static String commit() {
        try (InputStream in = Version.class.getResourceAsStream("/gazette/git.properties")) {
            if (in == null) {
                return null;
            }
            Properties git = new Properties();
            git.load(in);
            String describe = git.getProperty("git.commit.id.describe", "").strip();
            return describe.isEmpty() ? null : describe;
        } catch (IOException e) {
            return null;
        }
    }
}
