package fastlog.ingest.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Exceptions: with causes and suppressed exceptions, without a message, with a tricky message, a
 * cause chain longer than fastlog follows, a cycle in the chain, more suppressed exceptions than
 * it keeps, a stack deeper than it writes, a {@code getMessage()} that throws; as the event's
 * exception and as a field value.
 */
final class ErrorEvents {

    private ErrorEvents() {
    }

    static final class BadMessage extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage failed");
        }
    }

    static RuntimeException deep(int frames) {
        return frames == 0 ? new IllegalStateException("deep stack") : deep(frames - 1);
    }

    static void log(Events ev, TrickyText tricky) {
        IOException root = new IOException("disk full");
        UncheckedIOException cause = new UncheckedIOException("write failed", root);
        IllegalStateException top = new IllegalStateException("payment failed", cause);
        top.addSuppressed(new IllegalArgumentException("close failed"));
        top.addSuppressed(new RuntimeException((String) null));
        ev.at("exception").error("payment failed", top);
        ev.at("exception").error("with fields", "order", 42L, "exception", new RuntimeException("as a field"));
        ev.at("exception").warn("no message", new NullPointerException());
        ev.at("exception").error("tricky message", new RuntimeException(tricky.next() + "\n\tat fake.Frame(X.java:1)\n" + tricky.next()));
        ev.at("exception").error("deep stack", deep(200));
        RuntimeException chain = new RuntimeException("level 0");
        for (int i = 1; i < 12; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        ev.at("exception").error("cause chain longer than 8", chain);
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        ev.at("exception").error("cyclic cause chain", b);
        RuntimeException many = new RuntimeException("many suppressed");
        for (int i = 0; i < 12; i++) {
            many.addSuppressed(new RuntimeException("suppressed " + i));
        }
        ev.at("exception").error("more suppressed than kept", many);
        ev.at("exception").error("getMessage throws", new BadMessage());
        // a Throwable as a field value and nested inside a map
        ev.at("exception-value").error("exception under a user key", "v_exception", new IllegalStateException("as a value", root));
        ev.at("exception-value").error("exception inside a map", "v_exception_map", Map.of("err", new IllegalArgumentException("nested")));
        // odd argument count with a Throwable last: it becomes the event's exception
        ev.at("exception").error("dangling throwable", new Object[] {"order", 43L, new IllegalStateException("dangling")});
    }
}
