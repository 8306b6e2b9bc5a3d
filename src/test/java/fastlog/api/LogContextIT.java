package fastlog.api;

/**
 * Scoped context against the packaged multi-release jar (failsafe). Run twice: as is (the
 * versions/25 ScopedValue class) and with {@code -Dfastlog.context.fallback=true}.
 */
class LogContextIT extends LogContextContract {

    @Override
    String expectedMechanism() {
        return System.getProperty("fastlog.expect.context");
    }
}
