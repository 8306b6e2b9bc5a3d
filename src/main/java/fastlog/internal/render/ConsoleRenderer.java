package fastlog.internal.render;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import fastlog.api.RawJson;
import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.json.StringList;
import fastlog.internal.level.Levels;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.console.AnsiStyle;
import fastlog.internal.render.console.ConsoleText;
import fastlog.internal.render.console.LocalTimeFormat;
import fastlog.internal.render.console.LoggerAbbreviation;
import fastlog.internal.render.console.StackTraceText;
import fastlog.internal.value.ImmutableTypes;
import fastlog.internal.value.ValueLimits;

/**
 * Renders one record as a line for a person at a terminal (the console format):
 *
 * <pre>
 * 09:14:03.512 INFO  auth - user login user_id=48213 path=/api name="Ada Lovelace"
 * 09:14:03.519 ERROR c.a.s.PaymentService - payment failed order=17
 *     java.lang.IllegalStateException: card declined
 *         at com.acme.shop.PaymentService.charge(PaymentService.java:42)
 * </pre>
 *
 * <p>Local time with milliseconds ({@link LocalTimeFormat}), the level padded to five, the logger
 * abbreviated to {@value LoggerAbbreviation#DEFAULT_WIDTH} chars ({@link LoggerAbbreviation}),
 * {@code " - "}, the message, then {@code key=value} for the same fields, in the same order and
 * with the same precedence as the JSON line ({@link LineFields}: per-thread, scoped, bound, call
 * fields; a repeated key keeps its last value), reserved names renamed, redacted keys masked,
 * redaction patterns applied to strings and the message. Strings are quoted only when they must
 * be ({@link ConsoleText}); numbers, booleans and null are bare; maps, lists, arrays, records and
 * raw JSON are compact JSON. A Throwable value is not written inline: its stack trace follows the
 * line ({@link StackTraceText}), every line of it indented, headed by its key unless the key is
 * {@code exception} (the one {@code log.error(msg, e)} uses).
 *
 * <p>So an event is one line, or one line plus indented lines for its exceptions: a line that
 * starts in column 0 always starts an event, since all user text is escaped and can never
 * produce a newline. With colour ({@link AnsiStyle}) each styled span ends with a reset.
 *
 * <p>Only the consumer-role holder renders; the scratch state here is its own. Never throws: an
 * event that cannot be rendered becomes a line saying so, as in JSON.
 */
public final class ConsoleRenderer implements LineRenderer {

    private static final String EXCEPTION_KEY = "exception";
    private static final int MAX_RETAINED_NESTED = 1 << 20;
    private static final String[] PADDED_LEVELS = {"TRACE", "DEBUG", "INFO ", "WARN ", "ERROR"};

    private final ConsoleText text;
    private final LocalTimeFormat time;
    private final AnsiStyle style;
    private final LinePrefixCache<byte[][]> prefixes;
    private final RenderedKeyCache renderedKeys;
    private final MessageFormatting messages = new MessageFormatting();
    private final ValueWriter values;
    private final StackTraceText traces;
    private final String mask;
    private final int maxStringLength;
    /** Nested values are written here as JSON first, then copied in with {@link ConsoleText#writeJson}. */
    private JsonOutput nested;
    private final JsonOutput prefixScratch = new JsonOutput(128, 1 << 10);
    private final LineFields fields;
    /** This event's Throwable values and their keys, written after the line. */
    private Throwable[] throwables = new Throwable[2];
    private String[] throwableKeys = new String[2];
    private int throwableCount;

    /**
     * @param zone the zone of the local time printed
     * @param color whether to write ANSI colours
     */
    public ConsoleRenderer(ReservedKeys names, int maxStringLength, ValueLimits limits, Redaction redaction,
                           ZoneId zone, boolean color) {
        this.text = new ConsoleText(maxStringLength);
        this.time = new LocalTimeFormat(zone);
        this.style = new AnsiStyle(color);
        this.values = new ValueWriter(maxStringLength, limits, redaction);
        this.renderedKeys = new RenderedKeyCache(names, maxStringLength, redaction);
        this.fields = new LineFields(renderedKeys);
        this.traces = new StackTraceText(text, values.redactsStrings() ? values::redact : null);
        this.mask = redaction.mask();
        this.maxStringLength = maxStringLength;
        this.nested = new JsonOutput(256, maxStringLength);
        this.prefixes = new LinePrefixCache<>(this::linePrefixes);
    }

    @Override
    public void render(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        int mark = out.size();
        try {
            renderRecord(out, longs, refs, at, header);
        } catch (Throwable t) {
            out.truncate(mark);
            renderFailure(out, longs, refs, at, header, t);
        } finally {
            fields.close();
            Arrays.fill(throwables, 0, throwableCount, null); // keep no user object after the event
            throwableCount = 0;
        }
    }

    @Override
    public void renderInternal(JsonOutput out, long epochMicros, int levelOrdinal, String message,
                               String[] keys, long[] values) {
        writeTime(out, epochMicros);
        out.writeRaw(prefixes.get("fastlog")[levelOrdinal]);
        text.writeText(out, message);
        for (int i = 0; i < keys.length; i++) {
            writeKey(out, keys[i]);
            out.writeLong(values[i]);
        }
        out.writeByte('\n');
    }

    private void writeTime(JsonOutput out, long epochMicros) {
        out.writeRaw(style.faint());
        time.write(out, epochMicros);
        out.writeRaw(style.reset());
    }

    /** {@code " INFO  logger - "}, styled, for each level of the logger {@code name}. */
    private byte[][] linePrefixes(String name) {
        byte[][] byLevel = new byte[Levels.COUNT][];
        String shown = LoggerAbbreviation.abbreviate(name, LoggerAbbreviation.DEFAULT_WIDTH);
        JsonOutput b = prefixScratch;
        for (int i = 0; i < byLevel.length; i++) {
            b.reset();
            b.writeByte(' ');
            b.writeRaw(style.level(i));
            String padded = PADDED_LEVELS[i];
            String word = padded.strip();
            b.writeAsciiRaw(word);
            b.writeRaw(style.reset());
            b.writeAsciiRaw(padded.substring(word.length()));
            b.writeByte(' ');
            b.writeRaw(style.logger());
            text.writeText(b, shown);
            b.writeRaw(style.reset());
            b.writeAsciiRaw(" - ");
            byLevel[i] = Arrays.copyOf(b.array(), b.size());
        }
        return byLevel;
    }

    private void renderRecord(JsonOutput out, long[] longs, Object[] refs, int at, long header) {
        LoggerCore core = (LoggerCore) refs[at];
        writeTime(out, longs[RecordLayout.timestampSlot(at)]);
        out.writeRaw(prefixes.get(core.name())[RecordLayout.levelOrdinal(header)]);
        LineFields f = fields;
        f.open(longs, refs, at, header, writeMessage(out, longs, refs, at));
        f.renderKeys();
        f.markWinners();
        writeAmbientFields(out, longs, refs, at, f.trailersFrom(), f.trailersTo());
        RenderedKey[] keys = f.keys();
        boolean[] winners = f.winners();
        int bound = f.bound();
        int first = f.first();
        for (int j = 0, n = f.count(); j < n; j++) {
            if (!winners[j]) {
                continue;
            }
            RenderedKey key = keys[j];
            int fieldMark = out.size();
            try {
                Object v;
                if (key.redacted) {
                    writeKey(out, key.name);
                    text.writeValue(out, mask);
                    continue;
                } else if (j < bound) {
                    v = f.frameValue(j);
                } else {
                    int field = j - first;
                    int tag = (int) longs[RecordLayout.keySlot(at, field)];
                    int slot = RecordLayout.valueSlot(at, field);
                    if (tag == RecordLayout.TAG_LONG) {
                        writeKey(out, key.name);
                        out.writeLong(longs[slot]);
                        continue;
                    } else if (tag == RecordLayout.TAG_DOUBLE) {
                        writeKey(out, key.name);
                        writeDouble(out, Double.longBitsToDouble(longs[slot]));
                        continue;
                    }
                    v = refs[slot];
                }
                if (v instanceof Throwable t) {
                    noteThrowable(key.name, t);
                    continue;
                }
                writeKey(out, key.name);
                writeValue(out, v);
            } catch (RuntimeException | StackOverflowError e) {
                out.truncate(fieldMark);
                writeKey(out, key.name);
                text.writeValue(out, "<unrenderable value: " + e.getClass().getName() + ">");
                values.takeInvalidJson();
            }
        }
        out.writeByte('\n');
        for (int i = 0; i < throwableCount; i++) {
            String label = throwableKeys[i];
            traces.write(out, throwables[i], EXCEPTION_KEY.equals(label) ? null : label + ": ");
        }
    }

    /** Writes the message. @return how many leading fields were message arguments */
    private int writeMessage(JsonOutput out, long[] longs, Object[] refs, int at) {
        String msg = (String) refs[RecordLayout.messageSlot(at)];
        long messageArgs = longs[RecordLayout.messageArgsSlot(at)];
        int argc = 0;
        if (messageArgs != 0) {
            argc = RecordLayout.messageArgCount(messageArgs);
            msg = messages.format(RecordLayout.messageSyntax(messageArgs), msg, refs, at, argc);
        }
        if (msg != null) {
            text.writeText(out, values.redact(msg));
        }
        return argc;
    }

    /**
     * The fields the logging thread captured besides the event's own (trailers: trace ids, thread
     * name, caller), as {@code trace_id=.. span_id=.. thread=.. caller=Class.method:line} pairs.
     */
    private void writeAmbientFields(JsonOutput out, long[] longs, Object[] refs, int at, int from, int to) {
        for (int f = from; f < to; f++) {
            int k = RecordLayout.keySlot(at, f);
            Object value = refs[k + 1];
            switch ((int) longs[k]) {
                case RecordLayout.TAG_TRACE -> {
                    TraceSource source = (TraceSource) refs[k];
                    String traceId = source.traceId(value);
                    String spanId = source.spanId(value);
                    if (traceId != null) {
                        writeKey(out, "trace_id");
                        text.writeValue(out, traceId);
                    }
                    if (spanId != null) {
                        writeKey(out, "span_id");
                        text.writeValue(out, spanId);
                    }
                }
                case RecordLayout.TAG_THREAD -> {
                    String name = (String) value;
                    writeKey(out, "thread");
                    text.writeValue(out, name.isEmpty() ? "#" + longs[k + 1] : name);
                }
                case RecordLayout.TAG_CALLER -> {
                    CallerLocation c = (CallerLocation) value;
                    writeKey(out, "caller");
                    text.writeValue(out, c.className() + "." + c.methodName() + (c.line() >= 0 ? ":" + c.line() : ""));
                }
                default -> {
                    // per-thread fields: written with the user's fields
                }
            }
        }
    }

    /** {@code " key="}, the key styled faint. */
    private void writeKey(JsonOutput out, String name) {
        out.writeByte(' ');
        out.writeRaw(style.faint());
        text.writeValue(out, name);
        out.writeByte('=');
        out.writeRaw(style.reset());
    }

    private void writeValue(JsonOutput out, Object v) {
        if (v instanceof String s) {
            text.writeValue(out, values.redact(s));
        } else if (v == null) {
            out.writeNull();
        } else if (v instanceof Long l) {
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeLong(i);
        } else if (v instanceof Double d) {
            writeDouble(out, d);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            text.writeValue(out, e.name());
        } else if (v instanceof Float f) {
            if (Float.isFinite(f)) {
                out.writeFloat(f);
            } else {
                out.writeAsciiRaw(f.toString());
            }
        } else if (isPlainScalar(v)) {
            // Immutable JDK values (UUID, java.time, BigDecimal, Character, ...): toString runs no user code.
            text.writeValue(out, String.valueOf(v));
        } else {
            nested.reset();
            values.write(nested, v);
            values.takeInvalidJson(); // invalid raw JSON is written as a string: nothing to mark here
            text.writeJson(out, nested.array(), 0, nested.size());
            if (nested.array().length > MAX_RETAINED_NESTED) {
                nested = new JsonOutput(256, maxStringLength); // don't keep a huge buffer after one huge value
            }
        }
    }

    private static boolean isPlainScalar(Object v) {
        return ImmutableTypes.isScalar(v) && !(v instanceof RawJson) && !(v instanceof StringList)
                && !(v instanceof OptionalLong) && !(v instanceof OptionalInt) && !(v instanceof OptionalDouble)
                && !(v instanceof Optional<?>);
    }

    private static void writeDouble(JsonOutput out, double d) {
        if (Double.isFinite(d)) {
            out.writeDouble(d);
        } else {
            out.writeAsciiRaw(Double.toString(d)); // NaN, Infinity: bare, like every number here
        }
    }

    private void noteThrowable(String key, Throwable t) {
        if (throwableCount == throwables.length) {
            throwables = Arrays.copyOf(throwables, 2 * throwableCount);
            throwableKeys = Arrays.copyOf(throwableKeys, 2 * throwableCount);
        }
        throwableKeys[throwableCount] = key;
        throwables[throwableCount++] = t;
    }

    private void renderFailure(JsonOutput out, long[] longs, Object[] refs, int at, long header, Throwable t) {
        int mark = out.size();
        try {
            writeTime(out, longs[RecordLayout.timestampSlot(at)]);
            Object core = refs[at];
            out.writeRaw(prefixes.get(core instanceof LoggerCore c ? c.name() : "fastlog")[RecordLayout.levelOrdinal(header)]);
            if (refs[RecordLayout.messageSlot(at)] instanceof String s) {
                text.writeText(out, s);
            }
        } catch (Throwable again) {
            out.truncate(mark);
        }
        writeKey(out, "fastlog_error");
        text.writeValue(out, "event could not be rendered: " + t.getClass().getName());
        out.writeByte('\n');
    }
}
