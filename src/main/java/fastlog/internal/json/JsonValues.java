package fastlog.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;

/**
 * Renders a captured field value (see {@code record.Capture}) as JSON: the boxed primitives as
 * numbers and booleans, exact BigInteger/BigDecimal as numbers, enums by {@code name()},
 * Throwables as objects ({@link ThrowableJson}), and everything else, notably UUID and the
 * java.time types (whose {@code toString()} is ISO-8601), as a string of its text.
 */
public final class JsonValues {

    /**
     * Longer BigInteger/BigDecimal text is written as a string: common JSON readers reject longer
     * numbers (Jackson's default limit is 1000 chars), and a string is cut at maxStringLength.
     */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** One-char strings for ASCII, so a Character costs no allocation. */
    private static final String[] ASCII_STRINGS = new String[128];
    static {
        for (char c = 0; c < 128; c++) {
            ASCII_STRINGS[c] = String.valueOf(c);
        }
    }

    private JsonValues() {
    }

    /**
     * Writes {@code value}. Never throws for the JDK types listed in the class comment; for any
     * other type it calls {@code String.valueOf(value)}, and whatever that throws propagates
     * (the caller rolls back to its mark). Capture normally turns such values into Strings
     * before they get here.
     */
    public static void write(JsonOutput out, Object value) {
        // Most frequent first: this is an instanceof chain on the writer's hot path.
        if (value instanceof String s) {
            out.writeString(s);
        } else if (value == null) {
            out.writeNull();
        } else if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeLong(i);
        } else if (value instanceof Double d) {
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (value instanceof Float f) {
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            out.writeLong(s);
        } else if (value instanceof Byte b) {
            out.writeLong(b);
        } else if (value instanceof Throwable t) {
            ThrowableJson.write(out, t);
        } else if (value instanceof Character c) {
            char ch = c;
            out.writeString(ch < 128 ? ASCII_STRINGS[ch] : String.valueOf(ch));
        } else if (value.getClass() == BigDecimal.class || value.getClass() == BigInteger.class) {
            // Exact classes only: a subclass may override toString() with non-numeric text.
            writeNumberText(out, value.toString());
        } else if (value instanceof CharSequence cs) {
            out.writeString(cs);
        } else if (value instanceof char[] chars) {
            out.writeString(CharBuffer.wrap(chars));
        } else if (value instanceof StringList list) {
            list.write(out);
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    /** BigDecimal/BigInteger text ("-12", "1.5E+3") is a valid JSON number as is. */
    private static void writeNumberText(JsonOutput out, String digits) {
        if (digits.length() <= MAX_NUMBER_LENGTH) {
            out.writeAsciiRaw(digits);
        } else {
            out.writeString(digits);
        }
    }
}
