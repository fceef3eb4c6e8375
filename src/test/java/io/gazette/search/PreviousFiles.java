package io.gazette.search;

import java.util.Map;

/**
 * Test double for the files of the last export ({@link IndexFiles.Previous}), answered from a map
 * of site path to bytes. The map is read at each call, so a double made over a map that changes
 * sees the change.
 */
record PreviousFiles(Map<String, byte[]> files) implements IndexFiles.Previous {
    @Override
    public byte[] read(String path) {
        return files.get(path);
    }

    @Override
    public boolean has(String path) {
        return files.containsKey(path);
    }
}
