package fastlog.test.internal.json;

/**
 * A text that is not the JSON {@link Json} expects. The message names what was wrong, the offset
 * (in chars) and a piece of the text around it, with control characters made visible.
 */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int CONTEXT = 40;

    private final int offset;

    JsonException(String what, int offset, String text) {
        super(what + " at offset " + offset + ": " + excerpt(text, offset));
        this.offset = offset;
    }

    /** Where in the text (in chars) the error was found. */
    public int offset() {
        return offset;
    }

    private static String excerpt(String text, int offset) {
        int from = Math.max(0, offset - CONTEXT);
        int to = Math.min(text.length(), offset + CONTEXT);
        StringBuilder sb = new StringBuilder();
        sb.append(from > 0 ? "…" : "");
        visible(sb, text, from, offset);
        sb.append("⟦HERE⟧");
        visible(sb, text, offset, to);
        sb.append(to < text.length() ? "…" : "");
        return sb.toString();
    }

    private static void visible(StringBuilder sb, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPaired(text, i)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
