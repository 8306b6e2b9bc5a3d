package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import fastlog.api.Configuration;
import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.LogContext;
import fastlog.api.Loggable;
import fastlog.api.Logger;

/**
 * Random events through the real pipeline (in this JVM, output into memory): random code points
 * (controls, quotes, backslashes, U+2028/9, supplementary characters, lone surrogates), random
 * value types, 0 to 12 pairs through the typed overloads and the varargs form, all five levels.
 * Every line must be strict UTF-8, parse with Jackson (duplicate keys rejected) and give back
 * exactly what was logged: the same keys in the same order, strings with lone surrogates as
 * U+FFFD and cut at maxStringLength with "…", numbers that parse back to the same value.
 *
 * <p>Values are nested too ({@link NestedGen}): maps, lists, sets and arrays (mutable and
 * immutable), records (one whose accessor throws), Optionals, Suppliers and Loggables (some of
 * which throw), random depth beyond the depth limit, containers beyond the element cap and the
 * field budget, cycles, keys whose {@code toString()} throws, keys that read the same once written,
 * redacted keys, and every mutable container changed right after the call. The expected JSON is
 * computed from a description of the value by the README's rules, and compared element by element
 * with what Jackson parses.
 *
 * <p>Seeded and repeatable: {@code -Dfastlog.fuzz.seed=N} (or {@code =random}) picks the seed,
 * {@code -Dfastlog.fuzz.events=N} the number of events; every failure message starts with the
 * seed.
 */
class FuzzTest {

    private static final long DEFAULT_SEED = 0x5EED_F00DL;
    private static final int MAX_STRING = 5_000;
    /** Small bounds for nested values, so that the depth limit, the cap and the budget are hit often. */
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ELEMENTS = 6;
    private static final int BUDGET = 10 * MAX_ELEMENTS;
    private static final String MASK = "****";
    private static final List<String> REDACTED = List.copyOf(Configuration.DEFAULT_REDACTED_KEYS);
    private static final int CHUNK = 20_000;
    private static final String[] LEVELS = {"trace", "debug", "info", "warn", "error"};
    private static final String[] LEVEL_NAMES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"};
    private static final Set<String> DEFAULT_RESERVED = Set.of("ts", "level", "logger", "msg");
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    /** Random keys would swamp Jackson's field-name symbol table: no canonicalizing. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    /** Typed overloads: [level][pairs 1..3][kinds in base 3: 0 long, 1 double, 2 Object]. */
    private static final MethodHandle[][][] TYPED = typedOverloads();

    private Level levelBefore;

    @BeforeEach
    void allLevels() {
        levelBefore = Fastlog.level();
        Fastlog.setLevel(Level.TRACE);
    }

    @AfterEach
    void restoreLevel() {
        Fastlog.setLevel(levelBefore);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    static long seed() {
        String s = System.getProperty("fastlog.fuzz.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT_SEED;
        }
        return s.equals("random") ? System.nanoTime() : Long.decode(s);
    }

    // ================================================================== expectations

    /** What a value must read back as. */
    sealed interface Expect permits Str, Int, Dbl, Flt, Dec, Bool, Null, Obj, Arr {
    }

    /** A JSON object with exactly these fields, in this order. */
    record Obj(List<Field> fields) implements Expect {
    }

    /** A JSON array with exactly these elements. */
    record Arr(List<Expect> elements) implements Expect {
    }

    record Str(String text) implements Expect {
    }

    record Int(BigInteger value) implements Expect {
        static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }
    }

    record Dbl(double value) implements Expect {
    }

    record Flt(float value) implements Expect {
    }

    record Dec(BigDecimal value) implements Expect {
    }

    record Bool(boolean value) implements Expect {
    }

    record Null() implements Expect {
    }

    record Field(String key, Expect value) {
    }

    /** One logged event: what its line must hold, and how it was logged (for failure messages). */
    record Event(String[] fieldNames, int level, String logger, String msg, List<Field> fields, String call) {
    }

    /** The text fastlog must write for {@code s}: cut at max chars (never inside a pair), lone surrogates as U+FFFD. */
    static String expectText(String s, int max) {
        int len = s.length();
        int limit = len;
        if (len > max) {
            limit = max;
            if (Character.isHighSurrogate(s.charAt(limit - 1)) && Character.isLowSurrogate(s.charAt(limit))) {
                limit--;
            }
        }
        StringBuilder sb = new StringBuilder(limit + 1);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        if (limit < len) {
            sb.append('\u2026');
        }
        return sb.toString();
    }

    /** Whether values under {@code key} are masked (the default keys, ignoring case). */
    static boolean redacted(String key) {
        return Configuration.DEFAULT_REDACTED_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    static String rename(String key, Set<String> reserved) {
        String k = key;
        while (reserved.contains(k)) {
            k = "_" + k;
        }
        return k;
    }

    // ================================================================== checking a line

    /** Parses {@code line} strictly and compares it with {@code e}; returns a complaint or null. */
    static String check(String line, Event e, int max) {
        return check(line.toCharArray(), 0, line.length(), e, max);
    }

    static String check(char[] chars, int offset, int length, Event e, int max) {
        List<String> expectedKeys = new ArrayList<>(Arrays.asList(e.fieldNames()));
        List<Expect> expected = new ArrayList<>();
        expected.add(null); // the timestamp: checked by its pattern
        expected.add(new Str(LEVEL_NAMES[e.level()]));
        expected.add(new Str(expectText(e.logger(), max)));
        expected.add(e.msg() == null ? new Null() : new Str(expectText(e.msg(), max)));
        for (Field f : e.fields()) {
            expectedKeys.add(f.key());
            expected.add(f.value());
        }
        List<String> names = new ArrayList<>();
        String why = null;
        try (JsonParser p = STRICT.createParser(chars, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            JsonToken t;
            int i = 0;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                names.add(name);
                JsonToken v = p.nextToken();
                if (why != null || i >= expected.size() || !name.equals(expectedKeys.get(i))) {
                    if (v.isStructStart()) {
                        p.skipChildren();
                    }
                } else if (i == 0) {
                    if (v != JsonToken.VALUE_STRING || !TS.matcher(p.getText()).matches()) {
                        why = "bad timestamp " + p.getText();
                    }
                } else {
                    String w = expectValue(p, v, expected.get(i));
                    if (w != null) {
                        why = i < 4 ? w : "field " + quote(name) + ": " + w;
                    }
                }
                i++;
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return "trailing content after the object";
            }
        } catch (Exception ex) {
            return "does not parse: " + ex.getMessage();
        }
        if (!names.equals(expectedKeys)) {
            return "keys " + names + " but expected " + expectedKeys;
        }
        return why;
    }

    /** Compares the value starting at token {@code t} with {@code want}, consuming all of it. */
    private static String expectValue(JsonParser p, JsonToken t, Expect want) throws java.io.IOException {
        if (want instanceof Obj o) {
            if (t != JsonToken.START_OBJECT) {
                return skipped(p, t, "expected an object " + o);
            }
            for (Field f : o.fields()) {
                JsonToken n = p.nextToken();
                if (n != JsonToken.FIELD_NAME) {
                    return "object ended before key " + quote(f.key());
                }
                if (!p.currentName().equals(f.key())) {
                    String got = p.currentName();
                    p.nextToken();
                    return skipped(p, p.currentToken(), "key " + quote(got) + " but expected " + quote(f.key()));
                }
                String why = expectValue(p, p.nextToken(), f.value());
                if (why != null) {
                    return quote(f.key()) + ": " + why;
                }
            }
            JsonToken end = p.nextToken();
            return end == JsonToken.END_OBJECT ? null : "unexpected key " + quote(p.currentName());
        }
        if (want instanceof Arr a) {
            if (t != JsonToken.START_ARRAY) {
                return skipped(p, t, "expected an array " + a);
            }
            for (int i = 0; i < a.elements().size(); i++) {
                JsonToken n = p.nextToken();
                if (n == JsonToken.END_ARRAY) {
                    return "array ended after " + i + " elements, expected " + a.elements().size();
                }
                String why = expectValue(p, n, a.elements().get(i));
                if (why != null) {
                    return "[" + i + "]: " + why;
                }
            }
            JsonToken end = p.nextToken();
            return end == JsonToken.END_ARRAY ? null : skipped(p, end, "more elements than " + a.elements().size());
        }
        if (t.isStructStart()) {
            return skipped(p, t, "expected " + describe(want));
        }
        return compare(t, p.getText(), want);
    }

    private static String skipped(JsonParser p, JsonToken t, String why) throws java.io.IOException {
        if (t != null && t.isStructStart()) {
            p.skipChildren();
            return "got a " + (t == JsonToken.START_OBJECT ? "object" : "array") + ", " + why;
        }
        return "got " + t + " " + quote(p.getText()) + ", " + why;
    }

    private static String compare(JsonToken token, String text, Expect want) {
        boolean ok = switch (want) {
            case Obj o -> false;
            case Arr a -> false;
            case Str s -> token == JsonToken.VALUE_STRING && s.text().equals(text);
            case Int i -> token == JsonToken.VALUE_NUMBER_INT && new BigInteger(text).equals(i.value());
            case Dec d -> token.isNumeric() && new BigDecimal(text).equals(d.value());
            case Bool b -> token == (b.value() ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE);
            case Null x -> token == JsonToken.VALUE_NULL;
            case Dbl d -> Double.isFinite(d.value())
                    ? token.isNumeric() && Double.doubleToRawLongBits(Double.parseDouble(text))
                            == Double.doubleToRawLongBits(d.value())
                    : token == JsonToken.VALUE_STRING && text.equals(nonFinite(d.value()));
            case Flt f -> Float.isFinite(f.value())
                    ? token.isNumeric() && Float.floatToRawIntBits(Float.parseFloat(text)) == Float.floatToRawIntBits(f.value())
                            && Float.floatToRawIntBits((float) Double.parseDouble(text)) == Float.floatToRawIntBits(f.value())
                    : token == JsonToken.VALUE_STRING && text.equals(nonFinite(f.value()));
        };
        return ok ? null : "got " + token + " " + quote(text) + ", expected " + describe(want);
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    private static String describe(Expect e) {
        return e instanceof Str s ? "string " + quote(s.text()) : e.toString();
    }

    /** Java-escaped, so invisible characters show in failure messages. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), 300);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(s.length() > n ? "...(" + s.length() + " chars)\"" : "\"").toString();
    }

    // ================================================================== random input

    enum Color {
        RED, GREEN, BLUE;

        @Override
        public String toString() {
            return "not the name";
        }
    }

    record Box(Object inner) {
    }

    static final class NullText {
        @Override
        public String toString() {
            return null;
        }
    }

    static final class Thrower {
        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }
    }

    /** A value to log and what it must read back as. */
    record Value(Object value, Expect expect) {
    }

    /** Random text, values, keys. Everything comes from one seeded Random. */
    static final class Gen {
        final Random rnd;
        final int max;

        Gen(long seed, int max) {
            this.rnd = new Random(seed);
            this.max = max;
            this.nested = new NestedGen(this);
        }

        /** Mostly short; now and then long, cut at maxStringLength, or across the encoder's 4,096-char chunks. */
        int length() {
            int r = rnd.nextInt(100_000);
            if (r < 75_000) {
                return rnd.nextInt(17);
            } else if (r < 98_000) {
                return 17 + rnd.nextInt(84);
            } else if (r < 99_960) {
                return 100 + rnd.nextInt(500);
            }
            return 4_000 + rnd.nextInt(2_000);
        }

        String text() {
            return text(length());
        }

        String text(int len) {
            char[] buf = new char[len + 1];
            int n = 0;
            while (n < len) {
                int r = rnd.nextInt(100);
                if (r < 35) {
                    buf[n++] = (char) (0x20 + rnd.nextInt(0x5F));
                } else if (r < 40) {
                    buf[n++] = rnd.nextBoolean() ? '"' : '\\';
                } else if (r < 48) {
                    int c = rnd.nextInt(0x21);
                    buf[n++] = (char) (c == 0x20 ? 0x7F : c);
                } else if (r < 51) {
                    buf[n++] = "\u2028\u2029\u0085\uFEFF\uFFFD\uFFFF".charAt(rnd.nextInt(6));
                } else if (r < 66) {
                    char c;
                    do {
                        c = (char) (0x80 + rnd.nextInt(0xFF80));
                    } while (Character.isSurrogate(c));
                    buf[n++] = c;
                } else if (r < 80) {
                    n += Character.toChars(0x10000 + rnd.nextInt(0x100000), buf, n); // may end one past len
                } else if (r < 90) {
                    buf[n++] = (char) (0xD800 + rnd.nextInt(0x400)); // lone high (unless a low follows)
                } else {
                    buf[n++] = (char) (0xDC00 + rnd.nextInt(0x400)); // lone low
                }
            }
            return new String(buf, 0, n);
        }

        String str(String s) {
            return expectText(s, max);
        }

        long randomLong() {
            return switch (rnd.nextInt(6)) {
                case 0 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 1L << 53, -(1L << 53) - 1,
                        Integer.MIN_VALUE, Integer.MAX_VALUE, 99, 100, 999_999_999_999L}[rnd.nextInt(12)];
                case 1 -> rnd.nextInt();
                case 2 -> rnd.nextInt(1000) - 500;
                default -> rnd.nextLong() >> rnd.nextInt(64);
            };
        }

        double randomDouble() {
            return switch (rnd.nextInt(10)) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());
                case 1 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e15, 1e15 - 1, -1e15, 0.1, 0.2,
                        0.1 + 0.2, 1e-3, 9.999e8, 1e9, 123456789.123, 9007199254740992.0, 9007199254740994.0, 1e22,
                        1e23, 5e-324, 12.5, -0.05, 1.0E-5, 4.35, 2.675, 1.005}[rnd.nextInt(29)];
                case 2 -> (rnd.nextInt(200_001) - 100_000) / 100.0;
                case 3 -> (double) rnd.nextLong();
                case 4 -> rnd.nextDouble() * 1e9;
                case 5 -> rnd.nextGaussian();
                case 6 -> (double) randomFloat();
                case 7 -> Math.scalb(rnd.nextDouble(), rnd.nextInt(2_100) - 1_075);
                default -> (rnd.nextInt(2_000_001) - 1_000_000) / Math.pow(10, rnd.nextInt(10));
            };
        }

        float randomFloat() {
            return switch (rnd.nextInt(6)) {
                case 0 -> Float.intBitsToFloat(rnd.nextInt());
                case 1 -> new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0f,
                        Float.MIN_VALUE, Float.MAX_VALUE, 1.1f, 0.1f, 16777216f, 16777217f, 1e7f, 3.4e38f}[rnd.nextInt(13)];
                case 2 -> (rnd.nextInt(20_001) - 10_000) / 100f;
                case 3 -> rnd.nextFloat() * 1e7f;
                default -> (float) Math.scalb(rnd.nextDouble(), rnd.nextInt(300) - 150);
            };
        }

        BigDecimal bigDecimal() {
            BigInteger unscaled = new BigInteger(1 + rnd.nextInt(200), rnd);
            return new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), rnd.nextInt(81) - 40);
        }

        /** Runs after each logging call: changes every mutable container the call's values hold. */
        final List<Runnable> afterCall = new ArrayList<>();
        final NestedGen nested;

        /** An object value of a random type. */
        Value value() {
            return value(rnd.nextInt(24));
        }

        /** A value that is not a container (allowed in every container: never null if {@code nonNull}). */
        Value leaf(boolean nonNull) {
            while (true) {
                int kind = rnd.nextInt(24);
                if (kind == 17 || kind == 20 || kind >= 23 || (nonNull && kind == 11)) {
                    continue;
                }
                return value(kind);
            }
        }

        void runAfterCall() {
            for (Runnable r : afterCall) {
                r.run();
            }
            afterCall.clear();
        }

        Value value(int kind) {
            switch (kind) {
                case 0, 1, 2, 3 -> {
                    String s = text();
                    return new Value(s, new Str(str(s)));
                }
                case 4 -> {
                    long l = randomLong();
                    return new Value(l, Int.of(l));
                }
                case 5 -> {
                    int i = rnd.nextInt();
                    return new Value(i, Int.of(i));
                }
                case 6 -> {
                    short s = (short) rnd.nextInt();
                    return new Value(s, Int.of(s));
                }
                case 7 -> {
                    byte b = (byte) rnd.nextInt();
                    return new Value(b, Int.of(b));
                }
                case 8 -> {
                    double d = randomDouble();
                    return new Value(d, new Dbl(d));
                }
                case 9 -> {
                    float f = randomFloat();
                    return new Value(f, new Flt(f));
                }
                case 10 -> {
                    boolean b = rnd.nextBoolean();
                    return new Value(b, new Bool(b));
                }
                case 11 -> {
                    return new Value(null, new Null());
                }
                case 12 -> {
                    BigDecimal d = bigDecimal();
                    return new Value(d, new Dec(d));
                }
                case 13 -> {
                    BigInteger i = new BigInteger(1 + rnd.nextInt(250), rnd);
                    i = rnd.nextBoolean() ? i : i.negate();
                    return new Value(i, new Int(i));
                }
                case 14 -> {
                    UUID u = new UUID(rnd.nextLong(), rnd.nextLong());
                    return new Value(u, new Str(u.toString()));
                }
                case 15 -> {
                    Color c = Color.values()[rnd.nextInt(3)];
                    return new Value(c, new Str(c.name()));
                }
                case 16 -> {
                    char c = (char) rnd.nextInt(0x10000);
                    return new Value(c, new Str(str(String.valueOf(c))));
                }
                case 17 -> {
                    return nested.value();
                }
                case 18 -> {
                    String s = text();
                    return new Value(new StringBuilder(s), new Str(str(s)));
                }
                case 19 -> {
                    Object t = switch (rnd.nextInt(3)) {
                        case 0 -> Instant.ofEpochSecond(rnd.nextLong() % 400_000_000_000L, rnd.nextInt(1_000_000_000));
                        case 1 -> LocalDate.ofEpochDay(rnd.nextInt(5_000_000) - 2_500_000);
                        default -> Duration.ofNanos(rnd.nextLong());
                    };
                    return new Value(t, new Str(t.toString()));
                }
                case 20 -> {
                    if (rnd.nextBoolean()) {
                        return nested.value();
                    }
                    char[] a = text(rnd.nextInt(20)).toCharArray();
                    return new Value(a, new Str(str(new String(a))));
                }
                case 21 -> {
                    return new Value(new NullText(), new Str("null"));
                }
                case 22 -> {
                    return new Value(new Thrower(), new Str(
                            "<toString() threw java.lang.IllegalStateException for " + Thrower.class.getName() + ">"));
                }
                default -> {
                    return nested.value();
                }
            }
        }

        String randomCase(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            return sb.toString();
        }

        /** A key (any object, for the varargs form) and the text it must be written as. */
        Object[] key(Set<String> reserved) {
            int r = rnd.nextInt(10_000);
            Object key;
            String asText;
            if (r < 200) {
                key = asText = List.copyOf(reserved).get(rnd.nextInt(reserved.size()));
            } else if (r < 300) {
                key = asText = randomCase(REDACTED.get(rnd.nextInt(REDACTED.size())));
            } else if (r < 500) {
                key = asText = "";
            } else if (r < 8_000) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1 + rnd.nextInt(10); i > 0; i--) {
                    sb.append("abcdefghijklmnopqrstuvwxyz_0123456789".charAt(rnd.nextInt(37)));
                }
                key = asText = sb.toString();
            } else if (r < 9_995) {
                key = asText = text(rnd.nextInt(9));
            } else {
                key = asText = text(max - 10 + rnd.nextInt(30)); // cut like any string
            }
            return new Object[] {key, str(rename(asText, reserved))};
        }
    }

    // ================================================================== nested values

    record Pair(Object a, Object b) {
    }

    record Prims(int i, double d, float f, char c, boolean z, long l) {
    }

    /** Its accessor throws: fastlog reads the component's field, never the accessor. */
    record Sneaky(Object v) {
        @Override
        public Object v() {
            throw new IllegalStateException("accessor");
        }
    }

    /** Writes the given fields (or one value); may throw after its first field. */
    static final class FuzzLoggable implements Loggable {
        final List<String> keys;
        final List<Object> values;
        final boolean hasValue;
        final Object value;
        final boolean throwsIt;

        FuzzLoggable(List<String> keys, List<Object> values, boolean hasValue, Object value, boolean throwsIt) {
            this.keys = keys;
            this.values = values;
            this.hasValue = hasValue;
            this.value = value;
            this.throwsIt = throwsIt;
        }

        @Override
        public void logTo(Loggable.Writer w) {
            if (hasValue) {
                w.value(value);
                return;
            }
            for (int i = 0; i < keys.size(); i++) {
                w.field(keys.get(i), values.get(i));
                if (throwsIt) {
                    throw new IllegalStateException("logTo");
                }
            }
            if (throwsIt) {
                throw new IllegalStateException("logTo");
            }
        }
    }

    static final class FuzzSupplier implements Supplier<Object> {
        final Object result;
        final boolean throwsIt;

        FuzzSupplier(Object result, boolean throwsIt) {
            this.result = result;
            this.throwsIt = throwsIt;
        }

        @Override
        public Object get() {
            if (throwsIt) {
                throw new IllegalStateException("supplier");
            }
            return result;
        }
    }

    /** A description of a nested value: built into live objects, and turned into the JSON it must give. */
    sealed interface Spec permits Leaf, Seq, Dict, Rec, Opt, Lazy, Self, Cycle {
    }

    record Leaf(Value v) implements Spec {
    }

    enum SeqKind { LIST_OF, TO_LIST, ARRAY_LIST, UNMODIFIABLE_LIST, OBJECT_ARRAY, LONG_ARRAY, INT_ARRAY, DOUBLE_ARRAY,
        SET_OF, LINKED_HASH_SET }

    record Seq(SeqKind kind, List<Spec> items) implements Spec {
    }

    enum DictKind { HASH_MAP, LINKED_HASH_MAP, MAP_OF, UNMODIFIABLE_MAP, OBJECT_KEYS }

    record Dict(DictKind kind, List<Object> keys, List<Spec> values) implements Spec {
    }

    /** type 0: Pair(a, b); 1: Prims (parts are leaves of its six primitives); 2: Sneaky(v). */
    record Rec(int type, List<Spec> parts) implements Spec {
    }

    /** Optional.of(inner), or Optional.empty() if inner is null. */
    record Opt(Spec inner) implements Spec {
    }

    /** A Supplier of result, or one that throws. */
    record Lazy(Spec result, boolean throwsIt) implements Spec {
    }

    /** A Loggable: fields, or one value (value != null or valueForm); may throw. */
    record Self(List<String> keys, List<Spec> values, boolean valueForm, Spec value, boolean throwsIt) implements Spec {
    }

    /** The target-th mutable container on the path to here (outermost first): a cycle. */
    record Cycle(int target) implements Spec {
    }

    /**
     * Random nested values and their expected JSON, by the rules the README states: depth limit,
     * element cap, the field's budget (spent depth first, a container taking min(size, cap,
     * budget) before its elements, a Loggable one per field), cycles, keys as text (the last of
     * keys that read the same wins), redacted keys, markers for what failed.
     */
    static final class NestedGen {
        private final Gen g;
        private final Random rnd;
        /** Spec -> the live object built for it (by identity: equal specs are different objects). */
        private final Map<Spec, Object> live = new IdentityHashMap<>();
        private int budget;

        NestedGen(Gen g) {
            this.g = g;
            this.rnd = g.rnd;
        }

        Value value() {
            live.clear();
            Spec spec = gen(0, 0, true);
            Object v = build(spec, new ArrayList<>());
            budget = BUDGET;
            Expect expect = expect(spec, 0);
            return new Value(v, expect);
        }

        // ---------------------------------------------------------------- generating

        private int size() {
            int r = rnd.nextInt(10);
            return r < 7 ? rnd.nextInt(4) : rnd.nextInt(MAX_ELEMENTS + 4);
        }

        /** @param targets mutable containers above that a cycle may point to */
        private Spec gen(int level, int targets, boolean nonNull) {
            if (level > 0 && targets > 0 && rnd.nextInt(30) == 0) {
                return new Cycle(rnd.nextInt(targets));
            }
            if (level > MAX_DEPTH + 1 || (level > 0 && rnd.nextInt(100) < 30 + 12 * level)) {
                return new Leaf(g.leaf(nonNull));
            }
            int r = rnd.nextInt(100);
            if (r < 35) {
                SeqKind kind = SeqKind.values()[rnd.nextInt(SeqKind.values().length)];
                boolean mutable = kind == SeqKind.ARRAY_LIST || kind == SeqKind.OBJECT_ARRAY;
                List<Spec> items = new ArrayList<>();
                int n = size();
                Set<Long> distinct = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    switch (kind) {
                        case LONG_ARRAY, INT_ARRAY, SET_OF, LINKED_HASH_SET -> {
                            long v = kind == SeqKind.INT_ARRAY ? rnd.nextInt() : g.randomLong();
                            if (distinct.add(v)) {
                                items.add(new Leaf(new Value(v, Int.of(v))));
                            }
                        }
                        case DOUBLE_ARRAY -> {
                            double d = g.randomDouble();
                            items.add(new Leaf(new Value(d, new Dbl(d))));
                        }
                        default -> items.add(gen(level + 1, targets + (mutable ? 1 : 0),
                                kind == SeqKind.LIST_OF));
                    }
                }
                return new Seq(kind, items);
            }
            if (r < 65) {
                DictKind kind = DictKind.values()[rnd.nextInt(DictKind.values().length)];
                boolean mutable = kind == DictKind.HASH_MAP || kind == DictKind.LINKED_HASH_MAP;
                List<Object> keys = new ArrayList<>();
                List<Spec> values = new ArrayList<>();
                Set<Object> distinct = new HashSet<>();
                for (int i = size(); i > 0; i--) {
                    Object key = kind == DictKind.OBJECT_KEYS ? objectKey() : stringKey();
                    if (key instanceof Thrower || distinct.add(key)) {
                        keys.add(key);
                        values.add(gen(level + 1, targets + (mutable ? 1 : 0), kind == DictKind.MAP_OF));
                    }
                }
                return new Dict(kind, keys, values);
            }
            if (r < 75) {
                int type = rnd.nextInt(3);
                List<Spec> parts = new ArrayList<>();
                if (type == 1) {
                    int i = rnd.nextInt();
                    double d = g.randomDouble();
                    float f = g.randomFloat();
                    char c = (char) rnd.nextInt(0x10000);
                    boolean z = rnd.nextBoolean();
                    long l = g.randomLong();
                    parts.add(new Leaf(new Value(i, Int.of(i))));
                    parts.add(new Leaf(new Value(d, new Dbl(d))));
                    parts.add(new Leaf(new Value(f, new Flt(f))));
                    parts.add(new Leaf(new Value(c, new Str(g.str(String.valueOf(c))))));
                    parts.add(new Leaf(new Value(z, new Bool(z))));
                    parts.add(new Leaf(new Value(l, Int.of(l))));
                } else {
                    for (int i = type == 0 ? 2 : 1; i > 0; i--) {
                        parts.add(gen(level + 1, targets, false));
                    }
                }
                return new Rec(type, parts);
            }
            if (r < 82) {
                return new Opt(rnd.nextInt(4) == 0 ? null : gen(level, targets, true));
            }
            if (r < 89) {
                boolean throwsIt = rnd.nextInt(5) == 0;
                return new Lazy(throwsIt ? null : gen(level, targets, false), throwsIt);
            }
            boolean throwsIt = rnd.nextInt(6) == 0;
            if (!throwsIt && rnd.nextInt(4) == 0) {
                return new Self(List.of(), List.of(), true, gen(level, targets, false), false);
            }
            List<String> keys = new ArrayList<>();
            List<Spec> values = new ArrayList<>();
            for (int i = size() + (rnd.nextInt(8) == 0 ? 1 : 0); i > 0; i--) {
                keys.add(rnd.nextInt(15) == 0 && !keys.isEmpty() ? keys.get(rnd.nextInt(keys.size())) : stringKey());
                values.add(gen(level + 1, targets, false));
            }
            return new Self(keys, values, false, null, throwsIt);
        }

        private String stringKey() {
            int r = rnd.nextInt(100);
            if (r < 3) {
                return g.randomCase(REDACTED.get(rnd.nextInt(REDACTED.size())));
            } else if (r < 10) {
                return g.text(rnd.nextInt(4)); // lone surrogates: distinct keys may read the same
            } else if (r < 12) {
                return "k".repeat(MAX_STRING + rnd.nextInt(3)); // cut: distinct keys read the same
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                sb.append("abcxyz_19".charAt(rnd.nextInt(9)));
            }
            return sb.toString();
        }

        private Object objectKey() {
            return switch (rnd.nextInt(6)) {
                case 0 -> null;
                case 1 -> rnd.nextInt(3);
                case 2 -> String.valueOf(rnd.nextInt(3)); // reads like the Integer keys
                case 3 -> new Thrower();
                case 4 -> Color.values()[rnd.nextInt(3)]; // a key is its toString(), not its name
                default -> stringKey();
            };
        }

        // ---------------------------------------------------------------- building

        /** @param path the mutable containers being built around this one (cycle targets) */
        private Object build(Spec s, List<Object> path) {
            Object v = switch (s) {
                case Leaf l -> l.v().value();
                case Cycle c -> path.get(c.target());
                case Opt o -> o.inner() == null ? Optional.empty() : Optional.of(build(o.inner(), path));
                case Lazy z -> new FuzzSupplier(z.throwsIt() ? null : build(z.result(), path), z.throwsIt());
                case Self f -> {
                    List<Object> values = new ArrayList<>();
                    for (Spec child : f.values()) {
                        values.add(build(child, path));
                    }
                    yield new FuzzLoggable(f.keys(), values, f.valueForm(),
                            f.valueForm() ? build(f.value(), path) : null, f.throwsIt());
                }
                case Rec r -> switch (r.type()) {
                    case 0 -> new Pair(build(r.parts().get(0), path), build(r.parts().get(1), path));
                    case 1 -> new Prims((Integer) leaf(r, 0), (Double) leaf(r, 1), (Float) leaf(r, 2),
                            (Character) leaf(r, 3), (Boolean) leaf(r, 4), (Long) leaf(r, 5));
                    default -> new Sneaky(build(r.parts().get(0), path));
                };
                case Seq q -> buildSeq(q, path);
                case Dict d -> buildDict(d, path);
            };
            live.put(s, v);
            return v;
        }

        private static Object leaf(Rec r, int i) {
            return ((Leaf) r.parts().get(i)).v().value();
        }

        private Object buildSeq(Seq q, List<Object> path) {
            List<Spec> items = q.items();
            int n = items.size();
            switch (q.kind()) {
                case ARRAY_LIST -> {
                    List<Object> list = new ArrayList<>();
                    path.add(list);
                    for (Spec item : items) {
                        list.add(build(item, path));
                    }
                    path.remove(path.size() - 1);
                    g.afterCall.add(() -> {
                        list.clear();
                        list.add("mutated");
                    });
                    return list;
                }
                case OBJECT_ARRAY -> {
                    Object[] arr = new Object[n];
                    path.add(arr);
                    for (int i = 0; i < n; i++) {
                        arr[i] = build(items.get(i), path);
                    }
                    path.remove(path.size() - 1);
                    g.afterCall.add(() -> Arrays.fill(arr, "mutated"));
                    return arr;
                }
                case LONG_ARRAY -> {
                    long[] arr = new long[n];
                    for (int i = 0; i < n; i++) {
                        arr[i] = (Long) build(items.get(i), path);
                    }
                    g.afterCall.add(() -> Arrays.fill(arr, -7));
                    return arr;
                }
                case INT_ARRAY -> {
                    int[] arr = new int[n];
                    for (int i = 0; i < n; i++) {
                        arr[i] = (int) (long) (Long) build(items.get(i), path);
                    }
                    g.afterCall.add(() -> Arrays.fill(arr, -7));
                    return arr;
                }
                case DOUBLE_ARRAY -> {
                    double[] arr = new double[n];
                    for (int i = 0; i < n; i++) {
                        arr[i] = (Double) build(items.get(i), path);
                    }
                    g.afterCall.add(() -> Arrays.fill(arr, -7));
                    return arr;
                }
                default -> {
                    List<Object> built = new ArrayList<>();
                    for (Spec item : items) {
                        built.add(build(item, path));
                    }
                    return switch (q.kind()) {
                        case LIST_OF -> List.copyOf(built);
                        case TO_LIST -> built.stream().toList();
                        case SET_OF -> Set.copyOf(built);
                        case LINKED_HASH_SET -> {
                            Set<Object> set = new LinkedHashSet<>(built);
                            g.afterCall.add(() -> {
                                set.clear();
                                set.add("mutated");
                            });
                            yield set;
                        }
                        default -> { // UNMODIFIABLE_LIST: a view of a list changed after the call
                            List<Object> backing = new ArrayList<>(built);
                            g.afterCall.add(() -> backing.add(0, "mutated"));
                            yield Collections.unmodifiableList(backing);
                        }
                    };
                }
            }
        }

        private Object buildDict(Dict d, List<Object> path) {
            Map<Object, Object> map = d.kind() == DictKind.HASH_MAP ? new HashMap<>() : new LinkedHashMap<>();
            boolean target = d.kind() == DictKind.HASH_MAP || d.kind() == DictKind.LINKED_HASH_MAP;
            if (target) {
                path.add(map);
            }
            for (int i = 0; i < d.keys().size(); i++) {
                map.put(d.keys().get(i), build(d.values().get(i), path));
            }
            if (target) {
                path.remove(path.size() - 1);
            }
            return switch (d.kind()) {
                case MAP_OF -> Map.copyOf(map);
                case UNMODIFIABLE_MAP -> {
                    g.afterCall.add(() -> map.put("mutated-" + map.size(), true));
                    yield Collections.unmodifiableMap(map);
                }
                default -> {
                    g.afterCall.add(() -> {
                        map.clear();
                        map.put("mutated", true);
                    });
                    yield map;
                }
            };
        }

        // ---------------------------------------------------------------- expecting

        private static Str tooDeep(Object v) {
            return new Str("<too deep: " + v.getClass().getName() + ">");
        }

        private int take(int size) {
            int n = Math.min(Math.min(size, MAX_ELEMENTS), budget);
            budget -= n;
            return n;
        }

        private Expect expect(Spec s, int depth) {
            Object v = live.get(s);
            switch (s) {
                case Leaf l -> {
                    return l.v().expect();
                }
                case Opt o -> {
                    return o.inner() == null ? new Null() : expect(o.inner(), depth);
                }
                case Lazy z -> {
                    return z.throwsIt() ? new Str("<Supplier.get() threw java.lang.IllegalStateException>")
                            : expect(z.result(), depth);
                }
                case Cycle c -> {
                    return depth >= MAX_DEPTH ? tooDeep(v) : new Str("<cycle: " + v.getClass().getName() + ">");
                }
                case Self f -> {
                    if (depth >= MAX_DEPTH) {
                        return tooDeep(v);
                    }
                    if (f.throwsIt()) {
                        return new Str("<logTo() threw java.lang.IllegalStateException for " + FuzzLoggable.class.getName() + ">");
                    }
                    if (f.valueForm()) {
                        return expect(f.value(), depth);
                    }
                    List<String> keys = new ArrayList<>();
                    List<String> raw = new ArrayList<>();
                    List<Expect> values = new ArrayList<>();
                    int omitted = 0;
                    for (int i = 0; i < f.keys().size(); i++) {
                        if (keys.size() >= MAX_ELEMENTS || budget <= 0) {
                            omitted++;
                            continue;
                        }
                        budget--;
                        raw.add(f.keys().get(i));
                        keys.add(expectText(f.keys().get(i), MAX_STRING));
                        values.add(expect(f.values().get(i), depth + 1));
                    }
                    return object(raw, keys, values, omitted);
                }
                case Rec r -> {
                    if (depth >= MAX_DEPTH) {
                        return tooDeep(v);
                    }
                    List<String> names = switch (r.type()) {
                        case 0 -> List.of("a", "b");
                        case 1 -> List.of("i", "d", "f", "c", "z", "l");
                        default -> List.of("v");
                    };
                    int n = take(names.size());
                    List<Expect> values = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        values.add(expect(r.parts().get(i), depth + 1));
                    }
                    return object(names.subList(0, n), names.subList(0, n), values, names.size() - n);
                }
                case Seq q -> {
                    if (depth >= MAX_DEPTH) {
                        return tooDeep(v);
                    }
                    int size = q.items().size();
                    int n = take(size);
                    List<Expect> elements = new ArrayList<>();
                    if (q.kind() == SeqKind.SET_OF) {
                        int i = 0;
                        for (Object e : (Set<?>) v) {
                            if (i++ == n) {
                                break;
                            }
                            elements.add(Int.of((Long) e));
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            elements.add(expect(q.items().get(i), depth + 1));
                        }
                    }
                    if (size > n) {
                        elements.add(new Str("... " + (size - n) + " more"));
                    }
                    return new Arr(elements);
                }
                case Dict d -> {
                    if (depth >= MAX_DEPTH) {
                        return tooDeep(v);
                    }
                    Map<?, ?> map = (Map<?, ?>) v;
                    Map<Object, Spec> byKey = new HashMap<>();
                    for (int i = 0; i < d.keys().size(); i++) {
                        byKey.put(d.keys().get(i), d.values().get(i));
                    }
                    int size = map.size();
                    int n = take(size);
                    List<String> raw = new ArrayList<>();
                    List<String> keys = new ArrayList<>();
                    List<Expect> values = new ArrayList<>();
                    int i = 0;
                    for (Object k : map.keySet()) {
                        if (i++ == n) {
                            break;
                        }
                        String text = k instanceof Thrower
                                ? "<toString() threw java.lang.IllegalStateException for " + Thrower.class.getName() + ">"
                                : String.valueOf(k);
                        raw.add(text);
                        keys.add(expectText(text, MAX_STRING));
                        values.add(expect(byKey.get(k), depth + 1));
                    }
                    return object(raw, keys, values, size - n);
                }
            }
        }

        /** Keys as written (the last of equal ones wins, where it is), redacted values masked, then "_omitted". */
        private static Obj object(List<String> raw, List<String> keys, List<Expect> values, int omitted) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.subList(i + 1, keys.size()).contains(keys.get(i))) {
                    continue;
                }
                fields.add(new Field(keys.get(i), redacted(raw.get(i)) ? new Str(MASK) : values.get(i)));
            }
            if (omitted > 0) {
                fields.add(new Field("_omitted", Int.of(omitted)));
            }
            return new Obj(fields);
        }
    }

    // ================================================================== the million events

    /** About 70 s on 2 busy cores; its own bound, above the suite's default (junit-platform.properties). */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void millionRandomEventsRoundTrip() throws Throwable {
        long seed = seed();
        int total = Integer.getInteger("fastlog.fuzz.events", 1_000_000);
        CapturedOutput out = CapturedOutput.install(false,
                c -> c.maxStringLength(MAX_STRING).maxDepth(MAX_DEPTH).maxElements(MAX_ELEMENTS));
        Gen g = new Gen(seed, MAX_STRING);
        String[] fieldNames = {"ts", "level", "logger", "msg"};
        Logger[] loggers = new Logger[32];
        for (int i = 0; i < loggers.length; i++) {
            loggers[i] = Fastlog.logger(i < 16 ? "fuzz.svc" + i + ".Component" : "fuzz." + g.text(g.rnd.nextInt(40)));
        }
        long started = System.nanoTime();
        long logging = 0;
        long bytes = 0;
        // Checking chunk k overlaps generating chunk k + 1; at most one chunk waits to be checked.
        ExecutorService checker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-checker"));
        try {
            Future<?> previous = CompletableFuture.completedFuture(null);
            for (int done = 0; done < total; ) {
                int n = Math.min(CHUNK, total - done);
                List<Event> events = new ArrayList<>(n);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    events.add(logRandomEvent(g, loggers[g.rnd.nextInt(loggers.length)], fieldNames));
                }
                Fastlog.flush();
                logging += System.nanoTime() - t0;
                byte[] chunk = out.take();
                bytes += chunk.length;
                awaitCheck(previous);
                int first = done;
                previous = checker.submit(() -> verifyChunk(seed, first, chunk, events, MAX_STRING));
                done += n;
            }
            awaitCheck(previous);
        } finally {
            checker.shutdownNow();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("FuzzTest: %,d random events (%,d bytes of output) with seed 0x%X round-tripped in %d ms "
                + "(generating and logging: %d ms)%n", total, bytes, seed, ms, logging / 1_000_000);
    }

    private static void awaitCheck(Future<?> check) throws Throwable {
        try {
            check.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static Event logRandomEvent(Gen g, Logger logger, String[] fieldNames) throws Throwable {
        Random rnd = g.rnd;
        int level = rnd.nextInt(5);
        String msg = rnd.nextInt(100) < 3 ? null : g.text();
        int pairs = rnd.nextBoolean() ? rnd.nextInt(4) : 4 + rnd.nextInt(9);
        Set<String> seen = new HashSet<>();
        List<Field> fields = new ArrayList<>();
        String call;
        if (pairs >= 1 && pairs <= 3 && rnd.nextInt(10) < 7) {
            int kinds = 0;
            Object[] args = new Object[2 + 2 * pairs];
            args[0] = logger;
            args[1] = msg;
            for (int i = 0; i < pairs; i++) {
                String key;
                String outKey;
                do {
                    Object[] k = g.key(DEFAULT_RESERVED);
                    key = (String) k[0];
                    outKey = (String) k[1];
                } while (!seen.add(outKey));
                int kind = rnd.nextInt(3);
                kinds = kinds * 3 + kind;
                args[2 + 2 * i] = key;
                Expect want;
                switch (kind) {
                    case 0 -> {
                        long v = g.randomLong();
                        args[3 + 2 * i] = v;
                        want = Int.of(v);
                    }
                    case 1 -> {
                        double v = g.randomDouble();
                        args[3 + 2 * i] = v;
                        want = new Dbl(v);
                    }
                    default -> {
                        Value v = g.value();
                        args[3 + 2 * i] = v.value();
                        want = v.expect();
                    }
                }
                fields.add(new Field(outKey, redacted(key) ? new Str(MASK) : want));
            }
            TYPED[level][pairs - 1][kinds].invokeWithArguments(args);
            g.runAfterCall();
            call = LEVELS[level] + " typed overload, kinds (base 3: long, double, Object) " + kinds;
        } else {
            boolean odd = pairs > 0 && rnd.nextInt(10) == 0;
            Object[] kv = new Object[2 * pairs - (odd ? 1 : 0)];
            for (int i = 0; i < pairs; i++) {
                Value v = g.value();
                if (odd && i == pairs - 1) {
                    kv[2 * i] = v.value(); // no value after it: written as "_extra" (it is not a Throwable)
                    fields.removeIf(f -> f.key().equals("_extra")); // last wins
                    fields.add(new Field("_extra", v.expect()));
                    break;
                }
                Object key;
                String outKey;
                do {
                    if (rnd.nextInt(100) == 0) {
                        int which = rnd.nextInt(3);
                        key = which == 0 ? null : which == 1 ? (Object) rnd.nextInt(1000) : new Box(g.text(3));
                        outKey = g.str(rename(String.valueOf(key), DEFAULT_RESERVED));
                    } else {
                        Object[] k = g.key(DEFAULT_RESERVED);
                        key = k[0];
                        outKey = (String) k[1];
                    }
                } while (!seen.add(outKey));
                kv[2 * i] = key;
                kv[2 * i + 1] = v.value();
                fields.add(new Field(outKey, key instanceof String k && redacted(k) ? new Str(MASK) : v.expect()));
            }
            switch (level) {
                case 0 -> logger.trace(msg, kv);
                case 1 -> logger.debug(msg, kv);
                case 2 -> logger.info(msg, kv);
                case 3 -> logger.warn(msg, kv);
                default -> logger.error(msg, kv);
            }
            g.runAfterCall();
            call = LEVELS[level] + "(msg, Object...) with " + kv.length + " elements";
        }
        return new Event(fieldNames, level, logger.name(), msg, fields, call);
    }

    private static void verifyChunk(long seed, int first, byte[] bytes, List<Event> events, int max) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError(String.format("seed 0x%X: events %d..%d: output is not valid UTF-8", seed, first,
                    first + events.size() - 1), e);
        }
        char[] chars = text.array();
        int end = text.limit();
        int from = 0;
        int line = 0;
        for (; from < end && line < events.size(); line++) {
            int nl = from;
            while (nl < end && chars[nl] != '\n') {
                nl++;
            }
            if (nl == end) {
                throw new AssertionError(String.format("seed 0x%X: output does not end with a newline after event %d",
                        seed, first + line));
            }
            Event e = events.get(line);
            String why = check(chars, from, nl - from, e, max);
            if (why != null) {
                String l = new String(chars, from, nl - from);
                throw new AssertionError(String.format(
                        "seed 0x%X (rerun with -Dfastlog.fuzz.seed=0x%X): event #%d, logged by %s on logger %s, "
                                + "msg %s, %d fields: %s%n  line: %s%n  expected fields: %s",
                        seed, seed, first + line, e.call(), quote(e.logger()), quote(e.msg()), e.fields().size(), why,
                        quote(l), e.fields().size() > 20 ? e.fields().size() + " fields" : e.fields()));
            }
            from = nl + 1;
        }
        int lines = line;
        for (int i = from; i < end; i++) {
            if (chars[i] == '\n') {
                lines++;
            }
        }
        if (lines != events.size() || from < end && lines == events.size()) {
            throw new AssertionError(String.format("seed 0x%X: events %d..%d were %d, but %d lines were written%s",
                    seed, first, first + events.size() - 1, events.size(), lines,
                    from < end ? "; unexpected text: " + quote(new String(chars, from, end - from)) : ""));
        }
    }

    private static MethodHandle[][][] typedOverloads() {
        Class<?>[] kinds = {long.class, double.class, Object.class};
        MethodHandle[][][] table = new MethodHandle[5][3][];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int level = 0; level < 5; level++) {
                for (int pairs = 1; pairs <= 3; pairs++) {
                    int combos = (int) Math.pow(3, pairs);
                    table[level][pairs - 1] = new MethodHandle[combos];
                    for (int c = 0; c < combos; c++) {
                        Class<?>[] params = new Class<?>[1 + 2 * pairs];
                        params[0] = String.class;
                        for (int i = pairs - 1, rest = c; i >= 0; i--, rest /= 3) {
                            params[1 + 2 * i] = String.class;
                            params[2 + 2 * i] = kinds[rest % 3];
                        }
                        table[level][pairs - 1][c] = lookup.findVirtual(Logger.class, LEVELS[level],
                                MethodType.methodType(void.class, params));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        return table;
    }

    // ================================================================== reserved and repeated keys

    @Test
    void reservedAndRepeatedKeysDefaultNames() throws Throwable {
        collisions(new String[] {"ts", "level", "logger", "msg"},
                new String[] {"ts", "level", "logger", "msg", "_ts", "_msg", "__msg", "_level", "a", "b", "c", "null",
                        "_extra"});
    }

    @Test
    void reservedAndRepeatedKeysConfiguredNames() throws Throwable {
        collisions(new String[] {"@timestamp", "log.level", "log.logger", "message"},
                new String[] {"@timestamp", "log.level", "log.logger", "message", "_message", "__message",
                        "_@timestamp", "ts", "msg", "a", "b", "null", "_extra"});
    }

    /**
     * 50,000 events whose scoped, bound and call keys come from a small pool of reserved names,
     * their renamings and ordinary keys, so they collide all the time. Expected: reserved names
     * get "_" prefixes, then for each key the last value given wins, at its last position, with
     * scoped fields first, then bound, then call fields.
     */
    private static void collisions(String[] fieldNames, String[] pool) throws Throwable {
        long seed = seed() ^ 0xC0111DEL;
        CapturedOutput out = CapturedOutput.install(false, c -> c.fieldNames(fieldNames[0], fieldNames[1],
                fieldNames[2], fieldNames[3]).maxStringLength(MAX_STRING));
        Set<String> reserved = Set.of(fieldNames);
        Random rnd = new Random(seed);
        Logger base = Fastlog.logger("fuzz.collide");
        long nextValue = 0;
        int total = 50_000;
        for (int done = 0; done < total; done += CHUNK) {
            int n = Math.min(CHUNK, total - done);
            List<Event> events = new ArrayList<>(n);
            for (int e = 0; e < n; e++) {
                List<String> keys = new ArrayList<>();
                List<Long> values = new ArrayList<>();
                StringBuilder call = new StringBuilder();
                LogContext.Scope scope = null;
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    String k = pool[rnd.nextInt(pool.length)];
                    long v = nextValue++;
                    scope = scope == null ? LogContext.where(k, v) : scope.where(k, v);
                    keys.add(k);
                    values.add(v);
                    call.append("where(").append(k).append(") ");
                }
                Logger logger = base;
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    String k = pool[rnd.nextInt(pool.length)];
                    long v = nextValue++;
                    logger = logger.with(k, v);
                    keys.add(k);
                    values.add(v);
                    call.append("with(").append(k).append(") ");
                }
                int pairs = rnd.nextInt(7);
                boolean typed = pairs >= 1 && pairs <= 3 && rnd.nextBoolean();
                boolean odd = !typed && pairs > 0 && rnd.nextInt(5) == 0;
                Object[] kv = new Object[2 * pairs - (odd ? 1 : 0)];
                for (int i = 0; i < pairs; i++) {
                    long v = nextValue++;
                    if (odd && i == pairs - 1) {
                        kv[2 * i] = v;
                        keys.add("_extra");
                    } else {
                        String k = rnd.nextInt(20) == 0 ? null : pool[rnd.nextInt(pool.length)];
                        kv[2 * i] = k;
                        kv[2 * i + 1] = v;
                        keys.add(k == null ? "null" : k);
                    }
                    values.add(v);
                }
                call.append(typed ? "typed " : "varargs ").append(Arrays.toString(kv));
                Logger l = logger;
                Runnable log = () -> {
                    if (!typed) {
                        l.info("m", kv);
                    } else {
                        try {
                            Object[] args = new Object[2 + kv.length];
                            args[0] = l;
                            args[1] = "m";
                            System.arraycopy(kv, 0, args, 2, kv.length);
                            TYPED[2][pairs - 1][0].invokeWithArguments(args); // all long
                        } catch (Throwable t) {
                            throw new AssertionError(t);
                        }
                    }
                };
                if (scope == null) {
                    log.run();
                } else {
                    scope.run(log);
                }
                List<String> renamed = new ArrayList<>();
                for (String k : keys) {
                    renamed.add(rename(k, reserved));
                }
                List<Field> fields = new ArrayList<>();
                for (int j = 0; j < renamed.size(); j++) {
                    if (renamed.subList(j + 1, renamed.size()).contains(renamed.get(j))) {
                        continue; // a later one wins
                    }
                    fields.add(new Field(renamed.get(j), Int.of(values.get(j))));
                }
                events.add(new Event(fieldNames, 2, base.name(), "m", fields, call.toString()));
            }
            Fastlog.flush();
            verifyChunk(seed, done, out.take(), events, MAX_STRING);
        }
    }

    // ================================================================== keys equal only once encoded

    /**
     * Keys that differ as Java strings but are written the same: lone surrogates (all become
     * U+FFFD) and keys cut at maxStringLength. README: "no line ever holds the same key twice"
     * and "the last value wins".
     */
    @Test
    void keysThatCollideOnlyOnceEncodedAreStillUnique() {
        CapturedOutput out = CapturedOutput.install(false, c -> c.maxStringLength(16));
        Logger log = Fastlog.logger("fuzz.encoded-keys");
        String longA = "k".repeat(20) + "A";
        String longB = "k".repeat(20) + "B";
        String cut = "k".repeat(16) + "\u2026";
        log.info("m", "\uD800", 1L, "\uDBFF", 2L);
        log.info("m", new Object[] {"a\uDC00", 1, "a\uDFFF", 2, "a\uFFFD", 3});
        log.with("\uD800", 1).info("m", "\uDC00", 2L);
        LogContext.where("\uD801", 1).run(() -> log.info("m", "\uD802", 2L));
        log.info("m", longA, 1L, longB, 2L);
        log.info("m", longA, 1L, cut, 2L);
        byte[] bytes;
        Fastlog.flush();
        bytes = out.bytes();
        String[] lines = Ndjson.strictUtf8(bytes).split("\n");
        List<Executable> checks = new ArrayList<>();
        String[][] expected = {
            {"\uFFFD", "2"}, {"a\uFFFD", "3"}, {"\uFFFD", "2"}, {"\uFFFD", "2"}, {cut, "2"}, {cut, "2"}};
        String[] calls = {
            "info(\"m\", \"\\uD800\", 1L, \"\\uDBFF\", 2L)",
            "info(\"m\", \"a\\uDC00\", 1, \"a\\uDFFF\", 2, \"a\\uFFFD\", 3)",
            "with(\"\\uD800\", 1).info(\"m\", \"\\uDC00\", 2L)",
            "LogContext.where(\"\\uD801\", 1) + info(\"m\", \"\\uD802\", 2L)",
            "info(\"m\", 20 x k + \"A\", 1L, 20 x k + \"B\", 2L) at maxStringLength 16",
            "info(\"m\", 20 x k + \"A\", 1L, 16 x k + \"\u2026\", 2L) at maxStringLength 16"};
        assertEquals(expected.length, lines.length, () -> Arrays.toString(lines));
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String call = calls[i];
            String[] want = expected[i];
            checks.add(() -> {
                String why = check(line, new Event(new String[] {"ts", "level", "logger", "msg"}, 2, log.name(), "m",
                        List.of(new Field(want[0], Int.of(Long.parseLong(want[1])))), call), 16);
                if (why != null) {
                    throw new AssertionError(call + ": " + why + "\n  line: " + quote(line));
                }
            });
        }
        assertAll(checks);
    }
}
