#!/usr/bin/env python3
"""Generates src/main/java/fastlog/api/EventBuilder.java and
src/main/java/fastlog/internal/pipeline/WideEvents.java.

Why generated, and why this shape. A builder that allocates nothing needs the JIT's escape
analysis to turn it into registers, which it does only if no call it is passed to stays out of
line. Measured with -XX:+PrintInlining on LoggerCallerCostBenchmark.tenFields:
- one mutable class with a 16-way switch on the field count: "hot method too big", then
  "already compiled into a big method": 352 B/op;
- immutable builders that wrote their own fields in log(): log() compiled on its own inlines the
  whole claim (clock, context, stripe), so callers refused it ("already compiled into a big
  method") in some JVM runs: 456-504 B/op in 2 of 3 forks.
So each arity is its own small immutable class: F<n> holds field n-1 and F<n-1>; field()
allocates F<n+1>, a few stores; F<n>.log() only loads the fields from the chain (F<8> loads the
first eight for the longer ones, to keep every method under the JIT's 325-byte limit for inlining
hot methods) and passes them as plain values to WideEvents.log, which claims, fills and
publishes the record and is too big to be inlined anywhere. No builder is ever passed to a call,
and no builder method grows when compiled on its own. A field is three values, key, long bits and
reference, the kind told by a marker reference (WideEvents.LONG, DOUBLE).

Run this from the repository root after changing it, and commit all three files; --check exits 1
if the committed files differ from what it generates (make unit-test runs it).
"""
import pathlib
import sys

CAPACITY = 16

ROOT = pathlib.Path(__file__).resolve().parent.parent


SPLIT = 8  # F<n> for n > SPLIT loads fields SPLIT..n-1 and lets F<SPLIT> load the rest


def hops(top, bottom, first_var):
    """Statements walking from field index top (this) down to field index bottom: p<i> holds field i."""
    stmts = []
    for i in range(top - 1, bottom - 1, -1):
        src = first_var if i == top - 1 else f"p{i + 1}"
        stmts.append(f"            F{i + 1} p{i} = {src}.prev;")
    return stmts


def fields_args(lo, hi, top_var, top):
    """Arguments k, b, r for fields lo..hi-1; field `top` is read from top_var."""
    return [f"{top_var if i == top else f'p{i}'}.k, {top_var if i == top else f'p{i}'}.b, "
            f"{top_var if i == top else f'p{i}'}.r" for i in range(lo, hi)]


def empty_args(count):
    return ["null, 0L, null"] * count


def join_args(args):
    return ",\n                    ".join(args)


def log_method(n):
    """F<n>.log(msg); for n > SPLIT it hands fields SPLIT..n-1 to F<SPLIT>.logWith."""
    trunc = "truncated" if n == CAPACITY else "0"
    if n <= SPLIT:
        stmts = hops(n - 1, 0, "this") if n > 0 else []
        args = fields_args(0, n, "this", n - 1) + empty_args(CAPACITY - n)
        call = f"WideEvents.log(a, core, level, msg, {trunc}, {n},\n                    {join_args(args)});"
    else:
        stmts = hops(n - 1, SPLIT, "this")
        stmts.append(f"            F{SPLIT} p{SPLIT - 1} = {'this' if n - 1 == SPLIT else f'p{SPLIT}'}.prev;")
        args = fields_args(SPLIT, n, "this", n - 1) + empty_args(CAPACITY - n)
        call = f"p{SPLIT - 1}.logWith(msg, {trunc}, {n},\n                    {join_args(args)});"
    body = "\n".join(stmts)
    return f"""
        @Override
        public void log(String msg) {{
            EventAppender a = appender;
            if (a == null) {{
                return;
            }}
{body + chr(10) if body else ""}            {call}
        }}"""


def log_with():
    """F<SPLIT>.logWith: fields 0..SPLIT-1 from its chain, the rest as given."""
    stmts = hops(SPLIT - 1, 0, "this")
    upper = [f"String k{i}, long b{i}, Object r{i}" for i in range(SPLIT, CAPACITY)]
    args = fields_args(0, SPLIT, "this", SPLIT - 1) + [f"k{i}, b{i}, r{i}" for i in range(SPLIT, CAPACITY)]
    body = "\n".join(stmts)
    params = ",\n                     ".join(upper)
    return f"""
        /** Logs an event of {{@code n}} fields: 0..{SPLIT - 1} from this chain, the others as given. */
        void logWith(String msg, int truncated, int n,
                     {params}) {{
            EventAppender a = appender;
{body}
            WideEvents.log(a, core, level, msg, truncated, n,
                    {join_args(args)});
        }}"""


def cls(n):
    prev = f"F{n - 1}"
    if n < CAPACITY:
        add = f"""        @Override
        EventBuilder add(String key, long bits, Object ref) {{
            return new F{n + 1}(this, key, bits, ref);
        }}"""
        trunc_field, ctor_extra, ctor_assign, extra_ctor = "", "", "", ""
    else:
        add = f"""        /** Full: the new field is counted, not kept. */
        @Override
        EventBuilder add(String key, long bits, Object ref) {{
            return new F{n}(prev, k, b, r, truncated + 1);
        }}"""
        trunc_field = "        private final int truncated;\n"
        ctor_extra, ctor_assign = ", int truncated", "            this.truncated = truncated;\n"
        extra_ctor = f"""
        F{n}({prev} prev, String k, long b, Object r) {{
            this(prev, k, b, r, 0);
        }}
"""
    return f"""
    /** {n} field{'s' if n > 1 else ''}: field {n - 1} here, the others in {{@code prev}}. */
    private static final class F{n} extends EventBuilder {{
        private final {prev} prev;
        private final String k;
        private final long b;
        private final Object r;
{trunc_field}
        F{n}({prev} prev, String k, long b, Object r{ctor_extra}) {{
            super(prev.appender, prev.core, prev.level);
            this.prev = prev;
            this.k = k;
            this.b = b;
            this.r = r;
{ctor_assign}        }}
{extra_ctor}
{add}
{log_method(n)}{log_with() if n == SPLIT else ""}
    }}
"""


BUILDER = '''// GENERATED by tools/generate_event_builder.py -- edit the script, not this file.
package fastlog.api;

import fastlog.internal.pipeline.EventAppender;
import fastlog.internal.pipeline.WideEvents;
import fastlog.internal.record.Capture;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;

/**
 * One event built field by field, for calls with more fields than the typed overloads take:
 *
 * <pre>{@code
 * log.atInfo()
 *    .field("user_id", userId).field("order_id", orderId).field("items", items)
 *    .field("total", total).field("currency", "EUR").field("express", true)
 *    .log("order placed");
 * }</pre>
 *
 * <p>Values are taken as {@link Logger}'s are: {@code long} (and so {@code int}, {@code short},
 * {@code byte} and {@code char}, which Java widens), {@code double} (and {@code float}),
 * {@code boolean}, and {@code Object}, captured when {@code field} is called (immutable values by
 * reference, mutable ones as a snapshot, other objects as their {@code toString()}; nothing is
 * captured for a disabled level). Fields are written in the order given; a key given twice is
 * written once, with its last value, as in every other call. Up to {@value #CAPACITY} fields are
 * kept; further ones are counted in a field named {@code _truncated_fields}.
 *
 * <p><b>Nothing is allocated</b> for primitives, Strings and immutable JDK values once the JIT
 * has compiled the calling method and the chain is written as one expression ending in
 * {@link #log}: every builder is a small immutable object that the JIT's escape analysis turns
 * into registers. The record is claimed and filled only in {@code log}, after every value was
 * captured, so no user code runs while it is half written. A disabled level costs the level
 * check; the values' expressions are still evaluated, as for any method call.
 *
 * <p>Builders are immutable: {@code field} returns a new builder, so a builder may be kept and
 * logged more than once (each {@code log} is one event), and shared between threads.
 */
public abstract sealed class EventBuilder {

    /** The most fields one event built here keeps. */
    public static final int CAPACITY = %(capacity)d;

    private static final String EXCEPTION_KEY = "exception";
    private static final Object LONG = WideEvents.LONG;
    private static final Object DOUBLE = WideEvents.DOUBLE;

    /** Null when the level is disabled: then nothing is captured or logged. */
    final EventAppender appender;
    final LoggerCore core;
    final int level;

    private EventBuilder(EventAppender appender, LoggerCore core, int level) {
        this.appender = appender;
        this.core = core;
        this.level = level;
    }

    /** A builder with no fields, for {@code core} at {@code level}; {@code appender} null if the level is disabled. */
    static EventBuilder start(EventAppender appender, LoggerCore core, int level) {
        return new F0(appender, core, level);
    }

    /** Adds {@code key: value}. */
    public final EventBuilder field(String key, long value) {
        return add(key == null ? "null" : key, value, LONG);
    }

    /** Adds {@code key: value}. */
    public final EventBuilder field(String key, double value) {
        return add(key == null ? "null" : key, Double.doubleToRawLongBits(value), DOUBLE);
    }

    /** Adds {@code key: value}. */
    public final EventBuilder field(String key, boolean value) {
        return add(key == null ? "null" : key, 0L, value ? Boolean.TRUE : Boolean.FALSE);
    }

    /** Adds {@code key: value}, captured now (see the class description). */
    public final EventBuilder field(String key, Object value) {
        return add(key == null ? "null" : key, 0L,
                appender == null ? null : Capture.value(value)); // disabled: run no toString()
    }

    /** Adds the event's exception, as the field {@code exception} ({@code log.error(msg, e)}'s). */
    public final EventBuilder exception(Throwable thrown) {
        return field(EXCEPTION_KEY, (Object) thrown);
    }

    /**
     * Logs the event with message {@code msg} (may be null). As with every logging call, nothing
     * is thrown because of the arguments.
     */
    public abstract void log(String msg);

    @Override
    public String toString() {
        return "EventBuilder[" + core.name() + "]";
    }

    /** This builder with one more field: its value in {@code bits} if {@code ref} is a {@link WideEvents.Marker}, else {@code ref}. */
    abstract EventBuilder add(String key, long bits, Object ref);

    /** No fields yet: what {@code Logger.atInfo()} and its siblings return. */
    private static final class F0 extends EventBuilder {

        F0(EventAppender appender, LoggerCore core, int level) {
            super(appender, core, level);
        }

        @Override
        EventBuilder add(String key, long bits, Object ref) {
            return new F1(this, key, bits, ref);
        }
%(log0)s
    }
%(classes)s}
'''


def wide_method():
    params = ",\n                           ".join(f"String k{i}, long b{i}, Object r{i}" for i in range(CAPACITY))
    puts = "\n".join(f"            if (limit > {i}) {{\n                put(longs, refs, at, {i}, k{i}, b{i}, r{i});\n            }}"
                     for i in range(CAPACITY))
    return f"""
    /**
     * A record of the first {{@code n}} of the given fields, and a {{@code _truncated_fields}} count
     * if {{@code truncated}} is positive or the queue's batches are too small for them all. Too big
     * for the JIT to inline (by design: see the class description).
     */
    public static void log(EventAppender a, LoggerCore core, int level, String msg, int truncated, int n,
                           {params}) {{
        if (!a.admits(core, level, msg)) {{
            return;
        }}
        int limit = Math.min(n, a.maxFields() - 1); // a tiny queue: keep room for the truncation count
        int cut = truncated + n - limit;
        long c = a.begin(core, cut > 0 ? limit + 1 : limit);
        if (c == Stripe.FULL) {{
            return;
        }}
        int at = (int) c;
        // The claim's batch by array loads only, as EventAppender finds it: a call here could
        // overflow the stack after the claim and before the try block that abandons the record.
        int bi = (int) (c >>> EventAppender.STRIPE_SHIFT) << a.ringBits | (int) (c >>> 32) & EventAppender.RING_INDEX_MASK;
        long[] longs = a.batchLongs[bi];
        Object[] refs = a.batchRefs[bi];
        try {{
{puts}
            if (cut > 0) {{
                RecordProtocol.putField(longs, refs, at, limit, TRUNCATED_KEY, RecordLayout.TAG_LONG, cut, null);
            }}
            a.publishBegun(c, level, msg);
        }} catch (Throwable t) {{
            // RecordProtocol.abandon, written out (a call here could overflow the stack again); the
            // claim mark in the header slot holds the field count.
            long mark = longs[at];
            if (mark < RecordLayout.PUBLISHED) {{
                longs[at] = mark & RecordLayout.FIELD_COUNT_MASK | RecordLayout.PUBLISHED | RecordLayout.ABANDONED;
            }}
            throw t;
        }}
    }}
"""


WIDE = '''// GENERATED by tools/generate_event_builder.py -- edit the script, not this file.
package fastlog.internal.pipeline;

import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.stripe.Stripe;

/**
 * Records from {@code fastlog.api.EventBuilder}, whose up to {@value #MAX} fields arrive as plain
 * values ({@code key, bits, reference} each; the reference is a {@link Marker} when the value is
 * in the bits), so the builder never passes itself to a call and escape analysis can remove it.
 * {@link #log} takes the steps of {@link EventAppender#begin}: claim (with the clock, context and
 * trailers), fill, publish ({@link EventAppender#publishBegun}), or abandon if filling fails.
 *
 * <p>{@code log} is one method for every field count, and too big for the JIT to inline into the
 * builder's small {@code log}: were it inlined, the builder's {@code log} compiled on its own would
 * grow past what the JIT inlines into the caller ("already compiled into a big method"), and the
 * builders would be allocated after all (measured: 504 B/op in 3 of 5 JVM runs of a ten-field call).
 */
public final class WideEvents {

    static final int MAX = %(max)d;
    private static final String TRUNCATED_KEY = "_truncated_fields";

    private WideEvents() {
    }

    /** Field {@code field} of the record; the tag from the reference's marker. */
    private static void put(long[] longs, Object[] refs, int at, int field, String key, long bits, Object ref) {
        if (ref instanceof Marker m) {
            RecordProtocol.putField(longs, refs, at, field, key, m.tag, bits, null);
        } else {
            RecordProtocol.putField(longs, refs, at, field, key, RecordLayout.TAG_OBJECT, 0L, ref);
        }
    }

    /** What the builder puts in a field's reference when the value is a long or a double. */
    public static final class Marker {
        final int tag;

        private Marker(int tag) {
            this.tag = tag;
        }
    }

    /** The reference of a field whose value is the long in its bits. */
    public static final Marker LONG = new Marker(RecordLayout.TAG_LONG);
    /** The reference of a field whose value is the double whose raw bits are its bits. */
    public static final Marker DOUBLE = new Marker(RecordLayout.TAG_DOUBLE);
%(methods)s}
'''


def write_or_check(path, text):
    """Writes the file, or with --check exits 1 if the committed file differs from what this script makes."""
    if "--check" in sys.argv[1:]:
        if path.read_text() != text:
            sys.exit(f"{path} is not what {pathlib.Path(__file__).name} generates: run it and commit both")
        return
    path.write_text(text)
    print(f"wrote {path}")


def main():
    classes = "".join(cls(n) for n in range(1, CAPACITY + 1))
    builder = BUILDER % {"capacity": CAPACITY, "classes": classes, "log0": log_method(0)}
    write_or_check(ROOT / "src/main/java/fastlog/api/EventBuilder.java", builder)
    wide = WIDE % {"max": CAPACITY, "methods": wide_method()}
    write_or_check(ROOT / "src/main/java/fastlog/internal/pipeline/WideEvents.java", wide)


if __name__ == "__main__":
    main()
