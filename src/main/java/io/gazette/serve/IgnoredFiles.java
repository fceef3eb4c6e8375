package io.gazette.serve;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files that editors, operating systems and version control leave beside the real ones: never
 * content, so saving in vim or emacs does not trigger extra rebuilds. The pipeline can use the same
 * rule when it reads the project.
 */
public final class IgnoredFiles {
    private static final Set<String> NAMES = Set.of("4913", ".DS_Store", "Thumbs.db", "desktop.ini");
    private static final Set<String> DIRECTORIES = Set.of(".git", ".hg", ".svn", ".idea", ".vscode",
            "node_modules", ".gazette");
    private static final Pattern TEMPORARY = Pattern.compile(
            ".*~"                          // vim/emacs backups, gedit
            + "|\\.#.*"                     // emacs lock files
            + "|#.*#"                       // emacs auto-save
            + "|.*\\.sw[a-px]"               // vim swap files (.x.swp, .x.swo, …)
            + "|.*\\.(tmp|temp|bak|crswap|kate-swp)"
            + "|.*___jb_(tmp|old)___"        // JetBrains safe write
            + "|\\.goutputstream-.*"          // GNOME
            + "|\\.~lock\\..*#");             // LibreOffice

    private IgnoredFiles() {
    }

    public static boolean isIgnored(Path path) {
        Path name = path.getFileName();
        return name != null && isIgnoredName(name.toString());
    }

    public static boolean isIgnoredName(String name) {
        return NAMES.contains(name) || DIRECTORIES.contains(name)
                || TEMPORARY.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
