package fastlog.api;

/** Scoped context on target/classes: the base (Java 21) classes, so the ThreadLocal fallback. */
class LogContextTest extends LogContextContract {

    @Override
    String expectedMechanism() {
        return "Java 21 fallback";
    }
}
