package fastlog.internal.record;

/**
 * The effective minimum level of all loggers that share one name (a logger and the children made
 * by {@code with}). A single volatile int so the level check is one load and one compare; the
 * registry rewrites it when the global or a per-logger level changes.
 */
public final class LevelSetting {

    /** Ordinal of the least severe enabled level ({@code Levels}); {@code Levels.OFF} disables all. */
    private volatile int threshold;

    public LevelSetting(int threshold) {
        this.threshold = threshold;
    }

    public boolean enabled(int levelOrdinal) {
        return levelOrdinal >= threshold;
    }

    public int threshold() {
        return threshold;
    }

    public void threshold(int threshold) {
        this.threshold = threshold;
    }
}
