package fastlog.internal.render;

import java.util.Arrays;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.ReservedKeys;

/**
 * Turns a field key as logged into a {@link RenderedKey}: the key made well-formed, renamed (as
 * configured, then off the reserved names; top-level keys only), marked if excluded or if it is the
 * event's exception in a schema that writes it flat, marked if its values are redacted, and encoded. Keys are nearly always the same few string literals, so this
 * work is done once per key instead of once per field of every event.
 *
 * <p>Direct-mapped on {@link String#hashCode()} (cached inside each String); a hit is confirmed
 * by identity first, then by equality. Keys longer than {@value #MAX_CACHED_LENGTH} chars are
 * rendered afresh each time and never kept, so the cache holds at most {@value #SIZE} short
 * keys. Writer-thread only.
 */
final class RenderedKeyCache {

    private static final int SIZE = 512;
    static final int MAX_CACHED_LENGTH = 64;
    /** The key of the event's exception ({@code log.error(msg, e)}, the bridges' thrown Throwable). */
    static final String EXCEPTION = "exception";

    private final RenderedKey[] entries = new RenderedKey[SIZE];
    /** Null for keys inside nested objects, which are never renamed. */
    private final ReservedKeys names;
    private final Redaction redaction;
    private final int maxStringLength;
    private final JsonOutput scratch;
    /** How many keys were too long to keep; see {@link #uncachedMade()}. */
    private long uncachedMade;

    /** Whether the key {@code exception} marks the event's exception ({@link RenderedKey#eventException}). */
    private final boolean flatException;

    RenderedKeyCache(ReservedKeys names, int maxStringLength, Redaction redaction) {
        this(names, false, maxStringLength, redaction);
    }

    RenderedKeyCache(ReservedKeys names, boolean flatException, int maxStringLength, Redaction redaction) {
        this.names = names;
        this.flatException = flatException;
        this.redaction = redaction;
        this.maxStringLength = maxStringLength;
        this.scratch = new JsonOutput(MAX_CACHED_LENGTH * 6 + 8, maxStringLength);
    }

    /** The rendered form of {@code key} ({@code null} is the key {@code "null"}). */
    RenderedKey get(String key) {
        if (key == null) {
            key = "null";
        }
        int slot = (key.hashCode() * 0x9E3779B9) >>> 23; // top 9 bits: SIZE == 512
        RenderedKey e = entries[slot];
        if (e != null && (e.logged == key || e.logged.equals(key))) {
            return e;
        }
        e = render(key);
        if (key.length() <= MAX_CACHED_LENGTH) {
            entries[slot] = e;
        } else {
            uncachedMade++;
        }
        return e;
    }

    /**
     * Counts keys returned but not kept. A caller that sees this change knows it holds a
     * RenderedKey nothing else refers to (and its possibly huge key), and may drop it.
     */
    long uncachedMade() {
        return uncachedMade;
    }

    private RenderedKey render(String key) {
        String wellFormed = wellFormed(key);
        String name = names == null ? wellFormed : names.outputName(wellFormed);
        scratch.reset();
        scratch.writeByte(',');
        scratch.writeKey(name);
        boolean redacted = redaction.isRedactedKey(key);
        // A redacted "exception" is masked like any redacted key, not spread into the schema's fields.
        return new RenderedKey(key, name, Arrays.copyOf(scratch.array(), scratch.size()), redacted,
                names != null && names.isExcluded(wellFormed),
                flatException && names != null && !redacted && key.equals(EXCEPTION));
    }

    /**
     * The key as it will read once encoded: cut at the maximum string length with an ellipsis,
     * lone surrogates as U+FFFD. Keys are compared for duplicates in this form, since U+D800 and
     * U+DBFF alone both encode as U+FFFD.
     */
    private String wellFormed(String key) {
        if (key.length() > maxStringLength) {
            int cut = maxStringLength;
            if (cut > 0 && Character.isHighSurrogate(key.charAt(cut - 1)) && Character.isLowSurrogate(key.charAt(cut))) {
                cut--; // JsonOutput never splits a pair either
            }
            key = key.substring(0, cut) + '\u2026';
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return replaceLoneSurrogates(key);
            }
        }
        return key;
    }

    private static String replaceLoneSurrogates(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                b.append(c).append(key.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
