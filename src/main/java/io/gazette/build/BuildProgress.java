package io.gazette.build;

/**
 * What a long build is doing, for a person watching a terminal: the stage that begins and, while
 * pages are written, how many of how many. Called from the build's threads; must be cheap.
 */
public interface BuildProgress {
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void stage(String name) {
        }

        @Override
        public void files(int done, int total) {
        }
    };

    void stage(String name);

    void files(int done, int total);
}
