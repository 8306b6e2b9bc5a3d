package fastlog.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Renders a captured field value (see {@code record.Capture}): JDK value types by their JSON
 * form, java.time and other immutable JDK values by their ISO/{@code toString()} text, and a
 * Throwable as an object ({@link ThrowableJson}).
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static void write(JsonOutput out, Object v) {
        if (v == null) {
            out.writeNull();
        } else if (v instanceof String s) {
            out.writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Double d) {
            out.writeDouble(d);
        } else if (v instanceof Float f) {
            out.writeFloat(f);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Character c) {
            out.writeString(String.valueOf(c.charValue()));
        } else if (v instanceof BigInteger || v instanceof BigDecimal) {
            out.writeAsciiRaw(v.toString()); // digits, sign, '.', 'E' and exponent: valid JSON numbers
        } else if (v instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (v instanceof Throwable t) {
            ThrowableJson.write(out, t);
        } else if (v instanceof CharSequence cs) {
            out.writeString(cs);
        } else {
            out.writeString(String.valueOf(v));
        }
    }
}
