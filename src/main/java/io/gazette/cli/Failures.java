package io.gazette.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * One line that says what went wrong outside the content (exit code 3): a file system refusal
 * names the path and the reason, anything else its message, never a stack trace.
 */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof UncheckedIOException || cause.getMessage() == null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FileSystemException fs) {
            String reason;
            if (fs instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (fs instanceof NoSuchFileException) {
                reason = "no such file or folder";
            } else if (fs instanceof FileAlreadyExistsException) {
                reason = "already exists";
            } else if (fs instanceof DirectoryNotEmptyException) {
                reason = "folder not empty";
            } else if (fs instanceof NotDirectoryException) {
                reason = "not a folder";
            } else {
                reason = fs.getReason() != null ? fs.getReason() : "cannot be read or written";
            }
            String where = fs.getFile() + (fs.getOtherFile() != null ? " → " + fs.getOtherFile() : "");
            return where + ": " + reason;
        }
        if (cause instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
