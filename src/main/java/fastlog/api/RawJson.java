package fastlog.api;

import java.util.Objects;

/**
 * An already-serialized JSON text logged as a value, not as a string: a request body the service
 * received, a document from a JSON API.
 *
 * <pre>{@code
 * log.info("webhook received", "body", RawJson.of(body));   // ..."body":{"id":7,"tags":["a"]}
 * }</pre>
 *
 * <p>The text is checked on fastlog's writer thread, not by the logging call, and written again
 * compactly (no whitespace, so it always fits on one line, escaped by fastlog's own rules, with
 * key redaction applied inside it). Text that is not one valid RFC 8259 value, that repeats a key
 * within one object, nests deeper than {@link Configuration#maxDepth} or is longer than
 * {@link Configuration#maxStringLength} is written as a JSON string instead, and the line gets a
 * field {@code "_invalid_json"} listing the keys whose raw JSON was invalid.
 */
public final class RawJson {

    private final String json;

    private RawJson(String json) {
        this.json = json;
    }

    /** The JSON text {@code json}, to be logged as a value. */
    public static RawJson of(String json) {
        return new RawJson(Objects.requireNonNull(json, "json"));
    }

    /** The text as given. */
    public String json() {
        return json;
    }

    /** The text as given. */
    @Override
    public String toString() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson r && r.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }
}
