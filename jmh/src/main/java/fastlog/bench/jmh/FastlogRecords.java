package fastlog.bench.jmh;

import java.util.Arrays;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.json.JsonOutput;
import fastlog.internal.record.Capture;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.EventRenderer;

/**
 * fastlog records for the call shapes, laid out as the pipeline stages them (see
 * {@link RecordLayout}), so the writer's rendering can be measured alone. Uses fastlog's internal
 * classes, which the jar's module boundary does not hide on the class path.
 */
final class FastlogRecords {

    static final int MAX_STRING = 65_536;
    private static final int INFO = 2;
    private static final int ERROR = 4;

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
        refs[0] = core;
        refs[RecordLayout.contextSlot(0)] = context;
        longs[RecordLayout.timestampSlot(0)] = 1_764_061_843_512_044L; // 2025-11-25T09:10:43.512044Z
        refs[RecordLayout.messageSlot(0)] = msg;
        for (int f = 0; f < fields; f++) {
            int k = RecordLayout.keySlot(0, f);
            refs[k] = kv[2 * f];
            Object v = kv[2 * f + 1];
            // The typed overloads (up to three pairs) keep longs and doubles unboxed.
            if (fields <= 3 && (v instanceof Long || v instanceof Integer)) {
                longs[k] = RecordLayout.TAG_LONG;
                longs[k + 1] = ((Number) v).longValue();
            } else if (fields <= 3 && v instanceof Double d) {
                longs[k] = RecordLayout.TAG_DOUBLE;
                longs[k + 1] = Double.doubleToRawLongBits(d);
            } else {
                longs[k] = RecordLayout.TAG_OBJECT;
                refs[k + 1] = Capture.value(v);
            }
        }
        header = RecordLayout.header(level, fields);
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
            // Three call fields over two bound and two scoped ones, one key given at every level:
            // the renderer's last-wins merge of scoped, bound and call fields.
            case "boundAndScoped" -> new FastlogRecords(
                    new LoggerCore("bench.auth", new LevelSetting(INFO)).with("service", "checkout")
                            .with("user_id", a.userId),
                    ContextFrame.extend(null, new String[] {"request_id", "user_id"},
                            new Object[] {"req-7f3a", a.userId}),
                    INFO, "request served", "status", a.status, "path", a.path, "user_id", a.userId);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    static EventRenderer renderer() {
        return new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), MAX_STRING);
    }

    /** The record's line as fastlog's writer renders it. */
    byte[] line() {
        JsonOutput out = new JsonOutput(1024, MAX_STRING);
        renderer().render(out, longs, refs, 0, header);
        return Arrays.copyOf(out.array(), out.size());
    }
}
