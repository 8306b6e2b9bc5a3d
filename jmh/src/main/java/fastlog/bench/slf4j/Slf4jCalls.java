package fastlog.bench.slf4j;

import org.slf4j.Logger;

/**
 * The SLF4J call shapes, written once and made by every system: the code an application writes
 * against {@code org.slf4j.Logger}, unchanged whichever provider is bound. The {@code int}
 * arguments are boxed by the compiler at the call, as in the application (48213 and 200 are
 * outside the {@code Integer} cache, so each call boxes a new 16-byte Integer; 12.5 a 16-byte
 * Double): that allocation is forced by SLF4J's {@code Object} parameters, whatever the provider.
 */
final class Slf4jCalls {

    private Slf4jCalls() {
    }

    /** The classic call with one {@code {}} argument. */
    static void classic(Logger log, int userId) {
        log.info("user {} logged in", userId);
    }

    /** The fluent call with one key/value pair. */
    static void fluent1(Logger log, int userId) {
        log.atInfo().addKeyValue("user_id", userId).log("user login");
    }

    /** The fluent call with three key/value pairs (an int, a String, a double). */
    static void fluent3(Logger log, int status, String path, double ms) {
        log.atInfo().addKeyValue("status", status).addKeyValue("path", path).addKeyValue("ms", ms)
                .log("request served");
    }

    /** A classic call at DEBUG with the level at INFO: nothing is logged. */
    static void disabled(Logger log, int key) {
        log.debug("cache probe {}", key);
    }
}
