package io.gazette.check;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The built-site trees under src/test/resources/check/. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path site(String name) {
        URL url = Fixtures.class.getResource("/check/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture check/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
