package io.gazette.legacy;

/**
 * A page the importer cannot understand. {@code line} is 1-based and 0 when the problem is not
 * tied to one line (a missing date line, say). Thrown inside the legacy package only; callers see
 * it as a {@link Conversion.Failed} result.
 */
final class ImportFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    ImportFailure(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
