package fastlog.internal.schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code OTEL_RESOURCE_ATTRIBUTES} as the OpenTelemetry SDK configuration specification
 * defines it: comma-separated {@code key=value} pairs, keys and values trimmed, values
 * percent-decoded ({@code %2C} is a comma). A pair without {@code =} or with an empty key is
 * skipped; an invalid percent escape is kept as written; a later pair with the same key wins.
 */
final class ResourceAttributes {

    private ResourceAttributes() {
    }

    /** The attributes in {@code text} (null: none), in order. */
    static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            if (!key.isEmpty()) {
                out.put(key, decode(pair.substring(eq + 1).trim()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Percent-decoding into UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
