package io.gazette.media;

/** A photo or attachment that cannot be used; the message says what is wrong with the file. */
public final class MediaException extends Exception {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
