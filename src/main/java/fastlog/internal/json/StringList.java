package fastlog.internal.json;

import java.util.Arrays;

/** An immutable list of strings, written as a JSON array of strings (e.g. an event's tags). */
public final class StringList {

    private final String[] items;

    /** Copies {@code items}; null elements are written as JSON null. */
    public StringList(String[] items) {
        this.items = Arrays.copyOf(items, items.length);
    }

    void write(JsonOutput out) {
        out.writeByte('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            if (items[i] == null) {
                out.writeNull();
            } else {
                out.writeString(items[i]);
            }
        }
        out.writeByte(']');
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
