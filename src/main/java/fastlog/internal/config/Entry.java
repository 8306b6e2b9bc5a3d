package fastlog.internal.config;

/**
 * One setting as written in one place, kept for the warning that names it if it is bad.
 *
 * @param name  as written: {@code -Dfastlog.queueCapacity}, {@code FASTLOG_QUEUE_CAPACITY}, or the
 *              file's key
 * @param value the text
 * @param where the file it came from, or null for system properties and the environment
 */
record Entry(String name, String value, String where) {

    /** {@code name=value}, and the file if it came from one. */
    String describe() {
        return name + "=" + value + (where == null ? "" : " in " + where);
    }
}
