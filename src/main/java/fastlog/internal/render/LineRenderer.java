package fastlog.internal.render;

import fastlog.internal.json.JsonOutput;

/**
 * Renders staged records as output lines: {@link EventRenderer} (JSON) or {@link ConsoleRenderer}.
 * The pipeline picks one when it is built; the writer calls it for every event. Only the
 * consumer-role holder calls these methods. Neither method throws.
 */
public interface LineRenderer {

    /** Appends the record at {@code at} (its line, or lines for the console's stack traces). */
    void render(JsonOutput out, long[] longs, Object[] refs, int at, long header);

    /** A line fastlog writes about itself (e.g. a drop report), as logger "fastlog". */
    void renderInternal(JsonOutput out, long epochMicros, int levelOrdinal, String message,
                        String[] keys, long[] values);
}
