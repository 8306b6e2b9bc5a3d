package fastlog.internal.render;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import fastlog.internal.json.JsonOutput;

/**
 * Remembers the JSON encoding of recently seen messages (nearly always the same few literals),
 * so the writer copies bytes instead of escaping char by char. Keys have their own cache,
 * {@link RenderedKeyCache}.
 *
 * <p>Direct-mapped on {@link String#hashCode()} (cached inside each String); a hit is confirmed by
 * identity first, then by equality. Consumer-role holder only. Strings longer than
 * {@value #MAX_CACHED_LENGTH} chars are never cached. With redaction patterns, the cached bytes
 * are those of the redacted message, so a repeated message is searched once, not per event.
 */
final class EncodedStringCache {

    private static final int SIZE = 512;
    private static final int MAX_CACHED_LENGTH = 64;

    private final String[] strings = new String[SIZE];
    private final byte[][] encoded = new byte[SIZE][];
    private final JsonOutput scratch;
    /** Applied to a string before it is encoded (redaction patterns), or null. */
    private final UnaryOperator<String> transform;

    EncodedStringCache(int maxStringLength, UnaryOperator<String> transform) {
        this.scratch = new JsonOutput(MAX_CACHED_LENGTH * 6 + 8, maxStringLength);
        this.transform = transform;
    }

    /** Writes {@code s} as a quoted JSON string. */
    void write(JsonOutput out, String s) {
        if (s.length() > MAX_CACHED_LENGTH) {
            out.writeString(transform == null ? s : transform.apply(s));
            return;
        }
        int slot = (s.hashCode() * 0x9E3779B9 >>> 23) & (SIZE - 1);
        String cached = strings[slot];
        if (cached != s && (cached == null || !cached.equals(s))) {
            scratch.reset();
            scratch.writeString(transform == null ? s : transform.apply(s));
            strings[slot] = s;
            encoded[slot] = Arrays.copyOf(scratch.array(), scratch.size());
        }
        out.writeRaw(encoded[slot]);
    }
}
