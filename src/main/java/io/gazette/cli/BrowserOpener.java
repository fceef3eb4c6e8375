package io.gazette.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Opens a URL in the user's browser for {@code serve --open}: the desktop's own opener
 * ({@code open} on macOS, {@code xdg-open} on Linux and BSD, the URL handler on Windows), which
 * works from a terminal where {@link java.awt.Desktop} would need AWT and a display.
 */
final class BrowserOpener {
    private BrowserOpener() {
    }

    /** The command that opens {@code url} on {@code osName}. */
    static List<String> command(String osName, URI url) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", url.toString());
        }
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
        }
        return List.of("xdg-open", url.toString());
    }

    /** @return null when the browser was asked to open the page, else why not */
    static String open(URI url) {
        List<String> command = command(System.getProperty("os.name", ""), url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return null;
        } catch (IOException e) {
            return "could not run " + command.get(0) + " to open a browser (" + e.getMessage() + ")";
        }
    }
}
