package fastlog.test.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) parser for fastlog's lines, and a compact writer for failure
 * messages. One instance parses one text; the static methods are the entry points.
 *
 * <p>Values: objects are unmodifiable {@code Map<String, Object>} in document order, arrays
 * unmodifiable {@code List<Object>}, strings {@code String}, {@code true}/{@code false}
 * {@code Boolean}, {@code null} null. An integer is a {@code Long}, or a {@code BigInteger}
 * when it does not fit; a number with a fraction or an exponent is a {@code Double} when the
 * double prints back as the same decimal value (what fastlog writes for doubles), else a
 * {@code BigDecimal}, so no digit is ever lost.
 *
 * <p>Strict: exactly one value and nothing after it but whitespace; no comments, trailing commas,
 * single quotes, leading zeros, {@code NaN}, raw control characters in strings or unknown
 * escapes. Stricter than RFC 8259 where fastlog promises more: a key twice in one object and a
 * lone surrogate (an escaped {@code \uD800} not followed by a low surrogate, or a low one alone)
 * are errors. Nesting is limited to {@value #MAX_DEPTH} levels. Every error is a
 * {@link JsonException} with the offset and a piece of the text around it.
 */
public final class Json {

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;
    private int depth;

    private Json(String text) {
        this.s = text;
    }

    /** Parses {@code text} as one JSON value. */
    public static Object parse(String text) {
        Json p = new Json(text);
        p.skipWhitespace();
        Object v = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /** Parses {@code text} as one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Json p = new Json(text);
        p.skipWhitespace();
        if (p.pos >= text.length() || text.charAt(p.pos) != '{') {
            throw p.error("expected a JSON object");
        }
        Object v = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the object");
        }
        return (Map<String, Object>) v;
    }

    // ------------------------------------------------------------------------------- parsing

    private Object value() {
        if (pos >= s.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character " + describe(c) + ", expected a value");
        }
    }

    private Map<String, Object> object() {
        enter();
        pos++; // {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value();
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // [
        ArrayList<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return Collections.unmodifiableList(list);
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() {
        int start = ++pos; // after the opening quote
        // Fast path: a run without escapes.
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            checkRaw(c);
            pos++;
        }
        StringBuilder sb = new StringBuilder(Math.max(16, (pos - start) * 2));
        sb.append(s, start, pos);
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else {
                checkRaw(c);
                sb.append(c);
                pos++;
            }
        }
        throw error("unterminated string");
    }

    private void checkRaw(char c) {
        if (c < 0x20) {
            throw error("raw control character " + describe(c) + " in a string (must be escaped)");
        }
        if (Character.isSurrogate(c)) {
            boolean paired = Character.isHighSurrogate(c) && pos + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(pos + 1));
            boolean secondOfPair = Character.isLowSurrogate(c) && pos > 0 && Character.isHighSurrogate(s.charAt(pos - 1));
            if (!paired && !secondOfPair) {
                throw error("lone surrogate " + describe(c) + " in a string");
            }
        }
    }

    private void escape(StringBuilder sb) {
        int at = pos;
        pos++; // backslash
        if (pos >= s.length()) {
            throw error("unterminated escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char c = hex4();
                if (Character.isHighSurrogate(c)) {
                    if (pos + 1 < s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                        int low = pos;
                        pos += 2;
                        char d = hex4();
                        if (!Character.isLowSurrogate(d)) {
                            pos = low;
                            throw error("high surrogate \\u" + hex(c) + " followed by \\u" + hex(d) + ", not a low surrogate");
                        }
                        sb.append(c).append(d);
                    } else {
                        pos = at;
                        throw error("lone high surrogate \\u" + hex(c));
                    }
                } else if (Character.isLowSurrogate(c)) {
                    pos = at;
                    throw error("lone low surrogate \\u" + hex(c));
                } else {
                    sb.append(c);
                }
            }
            default -> {
                pos = at;
                throw error("unknown escape \\" + describe(e));
            }
        }
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(pos + i);
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                pos += i;
                throw error("bad hex digit " + describe(c) + " in a \\u escape");
            }
            v = (v << 4) | d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        boolean integer = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            integer = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String text = s.substring(start, pos);
        if (integer) {
            if (text.length() <= 18) {
                return Long.parseLong(text);
            }
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond int
            pos = start;
            throw error("number out of range: " + text);
        }
        double d = Double.parseDouble(text);
        if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0) {
            return d;
        }
        return exact;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected text, expected " + word);
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The character at {@code pos}, or U+FFFF at the end (never a valid token start). */
    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\uFFFF';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private JsonException error(String what) {
        return new JsonException(what, pos, s);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + hex(c);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    // ------------------------------------------------------------------------------- writing

    /** Compact JSON for {@code value} (maps, lists, strings, numbers, booleans, null; anything else as its string). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /** Appends compact JSON for {@code value}; see {@link #write(Object)}. */
    public static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String str) {
            writeString(sb, str);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Short
                || value instanceof Byte) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                sb.append(value);
            } else {
                writeString(sb, value.toString());
            }
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            writeString(sb, value.toString());
        }
    }

    /** Appends {@code str} as a JSON string; control characters, U+2028 and U+2029 as escapes. */
    public static void writeString(StringBuilder sb, String str) {
        sb.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u").append(hex(c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
