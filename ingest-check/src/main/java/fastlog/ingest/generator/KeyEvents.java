package fastlog.ingest.generator;

import fastlog.api.LogContext;
import fastlog.api.ThreadFields;

import java.util.Map;

/**
 * Keys: user keys equal to reserved names (today's and ECS's) and to the first segment of an ECS
 * field ({@code log}, {@code error}, {@code service}...), duplicate keys in one call, across
 * bound, scoped and per-thread fields, keys that become equal once written, null and non-String
 * keys, an odd argument count, the fuzz test's tricky keys, and odd logger names.
 */
final class KeyEvents {

    private KeyEvents() {
    }

    static void log(Events ev, TrickyText tricky) {
        // reserved names as user keys: fastlog must move them aside, never write a key twice
        ev.at("reserved").info("reserved names, default schema", new Object[] {"ts", "user ts", "level", "user level",
                "logger", "user logger", "msg", "user msg"});
        ev.at("reserved").info("reserved names, ECS", new Object[] {"@timestamp", "yesterday", "log.level", "loud",
                "message", "user message", "ecs.version", "0", "log.logger", "user logger"});
        ev.at("reserved").info("ECS correlation name", "trace.id", "not-a-trace");
        // first segments of fields the ecs preset writes (some only when enabled, e.g. process.thread.name):
        // a plain value there conflicts, in any index that maps the preset's fields, with the object that
        // holds them. Each path has one kind across all lines (user data that mixes "error" and
        // "error.message" conflicts in any index, whatever the logger), so each ECS object is tested
        // either by its dotted reserved name above or by its plain first segment here, not both.
        ev.at("reserved-prefix").info("ECS object names as plain keys", new Object[] {"error", "boom",
                "service", "checkout", "span", "s", "event", "ev", "process", "p"});
        ev.at("reserved-prefix").info("ECS object names as nested values", "log", Map.of("level", "nested level"));
        // duplicates: last value wins at its last position
        ev.at("duplicate").info("same key twice, typed", "dup", 1L, "dup", 2L);
        ev.at("duplicate").info("same key three times, varargs", new Object[] {"dup", 1, "other", 2, "dup", 3, "dup", 4});
        ev.at("duplicate").with("dup", 9L).info("bound and call", "dup", 10L);
        ThreadFields.put("dup_s", "thread");
        ThreadFields.put("request_id", "r-1");
        LogContext.where("dup_s", "scoped").where("tenant", "acme").run(() ->
                ev.at("duplicate").with("dup_s", "bound").info("per-thread, scoped, bound, call", "dup_s", "call"));
        ThreadFields.remove("dup_s");
        ev.at("duplicate").info("per-thread field", "v_long", 1L);
        ThreadFields.clear();
        ev.at("duplicate").info("keys equal once written", "\uD800", 1L, "\uDBFF", 2L);
        ev.at("duplicate").info("redacted key twice", "password", "a", "PASSWORD", "b");
        // null, non-String keys, odd count
        ev.at("bad-keys").info("null key", new Object[] {null, "null key value"});
        ev.at("bad-keys").info("non-String key", new Object[] {12345, "number key value"});
        ev.at("bad-keys").info("odd count", new Object[] {"k_odd", 1, "dangling"});
        // tricky keys (no '.', not empty: see Events.LIMIT_PREFIX cases for those)
        for (int i = 0; i < 30; i++) {
            ev.at("key-tricky").info("tricky key", tricky.key(), tricky.next());
        }
        // logger names
        ev.at("logger", "com.acme.shop.Checkout").info("class-style logger name");
        ev.at("logger", "logger \"quoted\" \\ \u0001 é 😀 \uD800").info("tricky logger name");
        ev.at("logger", "l".repeat(2_000)).info("2,000-char logger name");
    }
}
