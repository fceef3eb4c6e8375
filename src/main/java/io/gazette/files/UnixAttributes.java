package io.gazette.files;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * A file's inode and change time ({@code ctime}) from the attributes the JDK read with one
 * {@code lstat}, without the garbage the public API makes for them. On Linux and the BSDs
 * {@code Files.readAttributes(path, PosixFileAttributes.class)} returns the JDK's
 * {@code sun.nio.fs.UnixFileAttributes}, which holds both; the public API hands them out only
 * in a {@code "unix:…"} attribute map made for each call (about 1 KB of garbage: at 10,000
 * articles the restore reads ~17,000 folders' change times, at 100,000 ~167,000) and the inode
 * only inside the text of the file key (about 250 bytes a file, 27,560 files at 10,000
 * articles, 229,000 at 100,000). Their own accessors ({@code ino()}, {@code ctime()}) are read
 * here where the JDK opens its package to Gazette: the jar's manifest says
 * {@code Add-Opens: java.base/sun.nio.fs}, which {@code java -jar} (./gazette) honours. Started
 * any other way, or on a JDK without them, {@link #AVAILABLE} is false and callers read the
 * public views, with the same results.
 */
public final class UnixAttributes {
    private static final MethodHandle INODE;
    private static final MethodHandle CHANGE_TIME;
    private static final Class<?> TYPE;

    static {
        Class<?> type = null;
        MethodHandle inode = null;
        MethodHandle changeTime = null;
        try {
            type = Class.forName("sun.nio.fs.UnixFileAttributes");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            inode = lookup.findVirtual(type, "ino", MethodType.methodType(long.class))
                    .asType(MethodType.methodType(long.class, Object.class));
            changeTime = lookup.findVirtual(type, "ctime", MethodType.methodType(FileTime.class))
                    .asType(MethodType.methodType(FileTime.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            type = null; // not opened to us (IllegalAccessException), or another JDK: the public views
        }
        TYPE = type;
        INODE = type == null ? null : inode;
        CHANGE_TIME = type == null ? null : changeTime;
    }

    /** Whether {@link #inode} and {@link #changeNanos} can read what the JDK read. */
    public static final boolean AVAILABLE = TYPE != null;

    private UnixAttributes() {
    }

    /** Whether {@code attributes} are the JDK's own Unix attributes, which the methods here read. */
    public static boolean readable(BasicFileAttributes attributes) {
        return AVAILABLE && TYPE.isInstance(attributes);
    }

    /** The inode number; {@code attributes} must be {@link #readable}. */
    public static long inode(BasicFileAttributes attributes) {
        try {
            return (long) INODE.invokeExact((Object) attributes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The change time, in nanoseconds since the epoch; {@code attributes} must be {@link #readable}. */
    public static long changeNanos(BasicFileAttributes attributes) {
        FileTime changed;
        try {
            changed = (FileTime) CHANGE_TIME.invokeExact((Object) attributes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return changed.to(TimeUnit.NANOSECONDS);
    }
}
