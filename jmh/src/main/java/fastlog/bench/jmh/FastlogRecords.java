package fastlog.bench.jmh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.level.Levels;
import fastlog.internal.record.Capture;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.render.Redaction;
import fastlog.internal.schema.SchemaLayout;
import fastlog.internal.schema.SchemaSpec;
import fastlog.internal.schema.ServiceIdentity;
import fastlog.internal.value.ValueLimits;

/**
 * fastlog records for the call shapes, written by the producers' own {@link RecordProtocol}
 * methods, so the writer's rendering can be measured alone. Uses fastlog's internal
 * classes, which the jar's module boundary does not hide on the class path.
 */
final class FastlogRecords {

    static final int MAX_STRING = 65_536;
    private static final int INFO = Levels.INFO;
    private static final int ERROR = Levels.ERROR;

    final long[] longs;
    final Object[] refs;
    final long header;

    private FastlogRecords(int level, String msg, Object... kv) {
        this(new LoggerCore("bench.auth", new LevelSetting(INFO)), null, level, msg, kv);
    }

    private FastlogRecords(LoggerCore core, ContextFrame context, int level, String msg, Object... kv) {
        int fields = kv.length / 2;
        longs = new long[RecordLayout.slotsFor(fields)];
        refs = new Object[longs.length];
        for (int f = 0; f < fields; f++) {
            String key = (String) kv[2 * f];
            Object v = kv[2 * f + 1];
            // The typed overloads (up to three pairs) keep longs and doubles unboxed.
            if (fields <= 3 && (v instanceof Long || v instanceof Integer)) {
                RecordProtocol.putField(longs, refs, 0, f, key, RecordLayout.TAG_LONG, ((Number) v).longValue(), null);
            } else if (fields <= 3 && v instanceof Double d) {
                RecordProtocol.putField(longs, refs, 0, f, key, RecordLayout.TAG_DOUBLE, Double.doubleToRawLongBits(d), null);
            } else {
                RecordProtocol.putField(longs, refs, 0, f, key, RecordLayout.TAG_OBJECT, 0L, Capture.value(v));
            }
        }
        // 2025-11-25T09:10:43.512044Z
        RecordProtocol.publish(longs, refs, 0, core, level, 1_764_061_843_512_044L, msg, context, fields);
        header = longs[0];
    }

    static FastlogRecords of(String shape, Throwable error) {
        CallArgs a = new CallArgs();
        return switch (shape) {
            case "oneField" -> new FastlogRecords(INFO, "user login", "user_id", a.userId);
            case "threeFields" -> new FastlogRecords(INFO, "request served", "status", a.status,
                    "path", a.path, "ms", a.ms);
            case "tenFields" -> new FastlogRecords(INFO, "checkout", "user_id", a.userId,
                    "order_id", a.orderId, "items", a.items, "total", a.total, "currency", a.currency,
                    "country", a.country, "coupon", a.coupon, "express", a.express,
                    "latency_ms", a.latencyMs, "region", a.region);
            case "exception" -> new FastlogRecords(ERROR, "payment failed", "order_id", a.orderId,
                    "error", error);
            // log.error("payment failed", "order_id", id, e): the event's own exception.
            case "thrown" -> new FastlogRecords(ERROR, "payment failed", "order_id", a.orderId,
                    "exception", error);
            // Three call fields over two bound and two scoped ones, one key given at every level:
            // the renderer's last-wins merge of scoped, bound and call fields.
            case "boundAndScoped" -> new FastlogRecords(
                    new LoggerCore("bench.auth", new LevelSetting(INFO)).with("service", "checkout")
                            .with("user_id", a.userId),
                    ContextFrame.extend(null, new String[] {"request_id", "user_id"},
                            new Object[] {"req-7f3a", a.userId}),
                    INFO, "request served", "status", a.status, "path", a.path, "user_id", a.userId);
            // The nested-value shapes, captured as the producer captures them (Capture.value): the
            // HashMap becomes a snapshot, the Map.of, the record and the List.of are kept by reference.
            case "hashMap5" -> new FastlogRecords(INFO, "order placed", "order", new HashMap<>(CallArgs.mapOf5()));
            case "mapOf5" -> new FastlogRecords(INFO, "order placed", "order", CallArgs.mapOf5());
            case "record4" -> new FastlogRecords(INFO, "order placed", "order",
                    new CallArgs.OrderRecord(a.orderId, "SKU-4711", 3, a.total));
            case "listOf10Longs" -> new FastlogRecords(INFO, "batch", "ids",
                    java.util.List.of(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L, 1010L));
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    static EventRenderer renderer() {
        return new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), MAX_STRING);
    }

    /**
     * The renderer with a redaction setting: {@code default} (the default key set, as
     * {@link #renderer()}), {@code none}, or {@code twoRegexes} (the default keys and two value
     * patterns, {@code Bearer\s+\S+} and {@code (?i)password=\S+}, searched in every string).
     */
    static EventRenderer renderer(String redaction) {
        return renderer(redaction, "default");
    }

    /** The renderer with a redaction setting (see above) and a schema preset, by its lower-case name. */
    static EventRenderer renderer(String redaction, String schema) {
        Redaction r = switch (redaction) {
            case "default" -> Redaction.DEFAULT;
            case "none" -> Redaction.NONE;
            case "twoRegexes" -> new Redaction(Redaction.DEFAULT_KEYS, java.util.List.of(
                    java.util.regex.Pattern.compile("Bearer\\s+\\S+"), java.util.regex.Pattern.compile("(?i)password=\\S+")),
                    Redaction.DEFAULT_MASK);
            default -> throw new IllegalArgumentException("unknown redaction " + redaction);
        };
        SchemaLayout layout = schema.equals("default") ? SchemaLayout.DEFAULT
                : new SchemaLayout(new SchemaSpec(schema, new ServiceIdentity("checkout", "1.4.2", "production", "pod-7"),
                        null, null, Map.of(), Map.of(), Set.of(), Set.of()));
        return new EventRenderer(layout, MAX_STRING, ValueLimits.DEFAULTS, r);
    }

    /** The record's line as fastlog's writer renders it. */
    byte[] line() {
        JsonOutput out = new JsonOutput(1024, MAX_STRING);
        renderer().render(out, longs, refs, 0, header);
        return Arrays.copyOf(out.array(), out.size());
    }
}
