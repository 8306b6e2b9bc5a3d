package fastlog.internal.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fastlog.internal.json.JsonOutput;

/**
 * Checks a raw JSON text ({@code fastlog.api.RawJson}) against RFC 8259 and writes it again as it
 * parses: no whitespace (so a pretty-printed body stays on one line), strings decoded and
 * re-encoded by fastlog's own rules (escaping, lone surrogates, maximum length, redaction
 * patterns), numbers as given (longer than 1,000 chars: as a string, which common readers accept),
 * values under a redacted key as the mask. A recursive descent bounded by the depth limit, so a
 * deeply nested text cannot exhaust the stack.
 *
 * <p>Invalid: anything that is not exactly one JSON value (surrounded by optional whitespace), a
 * text longer than {@code maxStringLength}, a container at depth {@code maxDepth} or deeper, or a
 * key repeated in one object (compared as written). The caller rolls the output back and writes
 * the text as a string. Consumer-role holder only.
 */
final class RawJsonWriter {

    /** Longer numbers are written as strings (Jackson's default limit is 1,000 chars). */
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final int LINEAR_KEYS = 16;

    private final ValueWriter values;
    private final int maxLength;
    private final int maxDepth;
    private final StringBuilder text = new StringBuilder();
    private String s;
    private int pos;
    private int len;
    private JsonOutput out;

    RawJsonWriter(ValueWriter values, int maxLength, int maxDepth) {
        this.values = values;
        this.maxLength = maxLength;
        this.maxDepth = maxDepth;
    }

    /** Writes {@code json}, a value at {@code depth}; false if it is invalid (output then partial). */
    boolean write(JsonOutput out, String json, int depth) {
        if (json.length() > maxLength) {
            return false;
        }
        this.s = json;
        this.pos = 0;
        this.len = json.length();
        this.out = out;
        try {
            skipWhitespace();
            if (!value(true, depth)) {
                return false;
            }
            skipWhitespace();
            return pos == len;
        } finally {
            this.s = null;
            this.out = null;
            if (text.capacity() > 4096) {
                text.setLength(0);
                text.trimToSize();
            }
        }
    }

    private void skipWhitespace() {
        while (pos < len) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean value(boolean emit, int depth) {
        if (pos >= len) {
            return false;
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(emit, depth);
            case '[':
                return array(emit, depth);
            case '"': {
                String str = string();
                if (str == null) {
                    return false;
                }
                if (emit) {
                    values.string(out, str);
                }
                return true;
            }
            case 't':
                return literal("true", emit);
            case 'f':
                return literal("false", emit);
            case 'n':
                return literal("null", emit);
            default:
                return (c == '-' || (c >= '0' && c <= '9')) && number(emit);
        }
    }

    private boolean object(boolean emit, int depth) {
        if (depth >= maxDepth) {
            return false;
        }
        pos++; // '{'
        if (emit) {
            out.writeByte('{');
        }
        skipWhitespace();
        if (pos < len && s.charAt(pos) == '}') {
            pos++;
            if (emit) {
                out.writeByte('}');
            }
            return true;
        }
        List<String> names = emit ? new ArrayList<>() : null;
        Set<String> manyNames = null;
        boolean first = true;
        while (true) {
            skipWhitespace();
            if (pos >= len || s.charAt(pos) != '"') {
                return false;
            }
            String key = string();
            if (key == null) {
                return false;
            }
            skipWhitespace();
            if (pos >= len || s.charAt(pos) != ':') {
                return false;
            }
            pos++;
            skipWhitespace();
            boolean redacted = false;
            if (emit) {
                RenderedKey k = values.nestedKey(key);
                if (manyNames == null && names.size() < LINEAR_KEYS) {
                    if (names.contains(k.name)) {
                        return false;
                    }
                    names.add(k.name);
                } else {
                    if (manyNames == null) {
                        manyNames = new HashSet<>(names);
                    }
                    if (!manyNames.add(k.name)) {
                        return false;
                    }
                }
                if (first) {
                    out.writeRaw(k.json, 1, k.json.length - 1);
                } else {
                    out.writeRaw(k.json);
                }
                redacted = k.redacted;
                if (redacted) {
                    values.writeMask(out);
                }
            }
            if (!value(emit && !redacted, depth + 1)) {
                return false;
            }
            first = false;
            skipWhitespace();
            if (pos >= len) {
                return false;
            }
            char c = s.charAt(pos++);
            if (c == '}') {
                if (emit) {
                    out.writeByte('}');
                }
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean array(boolean emit, int depth) {
        if (depth >= maxDepth) {
            return false;
        }
        pos++; // '['
        if (emit) {
            out.writeByte('[');
        }
        skipWhitespace();
        if (pos < len && s.charAt(pos) == ']') {
            pos++;
            if (emit) {
                out.writeByte(']');
            }
            return true;
        }
        boolean first = true;
        while (true) {
            if (!first && emit) {
                out.writeByte(',');
            }
            skipWhitespace();
            if (!value(emit, depth + 1)) {
                return false;
            }
            first = false;
            skipWhitespace();
            if (pos >= len) {
                return false;
            }
            char c = s.charAt(pos++);
            if (c == ']') {
                if (emit) {
                    out.writeByte(']');
                }
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean literal(String word, boolean emit) {
        if (!s.startsWith(word, pos)) {
            return false;
        }
        pos += word.length();
        if (emit) {
            out.writeAsciiRaw(word);
        }
        return true;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, written as given. */
    private boolean number(boolean emit) {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= len) {
            return false;
        }
        if (s.charAt(pos) == '0') {
            pos++;
        } else if (!digits()) {
            return false;
        }
        if (pos < len && s.charAt(pos) == '.') {
            pos++;
            if (!digits()) {
                return false;
            }
        }
        if (pos < len && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < len && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                return false;
            }
        }
        if (emit) {
            String number = s.substring(start, pos);
            if (number.length() > MAX_NUMBER_LENGTH) {
                out.writeString(number);
            } else {
                out.writeAsciiRaw(number);
            }
        }
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** One or more ASCII digits. */
    private boolean digits() {
        int start = pos;
        while (pos < len && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** The string starting at {@code pos} (a quote), decoded; null if it is not a valid JSON string. */
    private String string() {
        int start = ++pos;
        while (pos < len) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        text.setLength(0);
        text.append(s, start, pos);
        while (pos < len) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return text.toString();
            }
            if (c < 0x20) {
                return null; // control characters must be escaped
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (pos >= len) {
                return null;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> text.append(e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (pos + 4 > len) {
                        return null;
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = hex(s.charAt(pos++));
                        if (d < 0) {
                            return null;
                        }
                        cp = (cp << 4) | d;
                    }
                    text.append((char) cp);
                }
                default -> {
                    return null;
                }
            }
        }
        return null; // unterminated
    }
}
