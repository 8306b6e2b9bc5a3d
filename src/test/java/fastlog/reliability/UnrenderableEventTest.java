package fastlog.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;
import fastlog.api.LogContext;
import fastlog.api.Logger;

/**
 * Events that cannot be rendered as given: a CharSequence that throws, a Throwable whose
 * getMessage() (or getStackTrace(), getCause()) throws or never returns a value, a cyclic cause
 * chain, a huge stack, huge cause and suppressed graphs. Each becomes one valid line that says
 * what failed, and the writer keeps going: every test ends by checking that 1,000 more events
 * are written after it.
 */
class UnrenderableEventTest {

    private static final int MORE = 1_000;
    private final Logger log = Fastlog.logger("reliability.unrenderable");
    private CapturedOutput out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedOutput.install();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    // ------------------------------------------------------------------ test values

    /** Every method throws. */
    static final class ThrowingCharSequence implements CharSequence {
        @Override
        public int length() {
            throw new IllegalStateException("length");
        }

        @Override
        public char charAt(int index) {
            throw new IllegalStateException("charAt");
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new IllegalStateException("subSequence");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }
    }

    /** toString() works; everything else throws. */
    static final class LyingCharSequence implements CharSequence {
        @Override
        public int length() {
            throw new IllegalStateException("length");
        }

        @Override
        public char charAt(int index) {
            throw new IllegalStateException("charAt");
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new IllegalStateException("subSequence");
        }

        @Override
        public String toString() {
            return "fine";
        }
    }

    static final class RecursingCharSequence implements CharSequence {
        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public String toString() {
            return "r" + this; // never returns
        }
    }

    @SuppressWarnings("serial")
    static final class MessageThrows extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message");
        }
    }

    @SuppressWarnings("serial")
    static final class MessageRecurses extends RuntimeException {
        @Override
        public String getMessage() {
            return getMessage() + "!";
        }
    }

    @SuppressWarnings("serial")
    static final class StackThrows extends RuntimeException {
        StackThrows() {
            super("stack throws");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new UnsupportedOperationException("no stack");
        }
    }

    @SuppressWarnings("serial")
    static final class CauseThrows extends RuntimeException {
        CauseThrows() {
            super("cause throws");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("no cause");
        }
    }

    @SuppressWarnings("serial")
    static final class OwnCause extends RuntimeException {
        OwnCause() {
            super("I caused myself");
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }

    /** An endless cause chain made up as it is walked: each getCause() is a new exception. */
    @SuppressWarnings("serial")
    static final class EndlessCause extends RuntimeException {
        final int depth;

        EndlessCause(int depth) {
            super("level " + depth);
            this.depth = depth;
        }

        @Override
        public synchronized Throwable getCause() {
            return new EndlessCause(depth + 1);
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void charSequenceThatThrows() {
        ThrowingCharSequence cs = new ThrowingCharSequence();
        String says = "<toString() threw java.lang.IllegalStateException for " + ThrowingCharSequence.class.getName() + ">";
        log.info("typed value", "v", cs);
        log.info("varargs value", new Object[] {"v", cs, "k", 2});
        log.info("key", new Object[] {cs, "v"});
        log.with("bound", cs).info("bound value");
        LogContext.where("ctx", cs).run(() -> log.info("context value"));
        log.info("lying", "v", new LyingCharSequence());
        log.info("recursing", "v", new RecursingCharSequence());
        List<JsonNode> lines = linesThenMore(7);
        assertAll(
                () -> assertEquals(says, lines.get(0).get("v").asText()),
                () -> assertEquals(says, lines.get(1).get("v").asText()),
                () -> assertEquals(2, lines.get(1).get("k").asInt(), "the rest of the line is intact"),
                () -> assertEquals("v", lines.get(2).get(says).asText(), "the key says what failed"),
                () -> assertEquals(says, lines.get(3).get("bound").asText()),
                () -> assertEquals(says, lines.get(4).get("ctx").asText()),
                () -> assertEquals("fine", lines.get(5).get("v").asText(), "only toString() is used"),
                () -> assertEquals("<toString() recursed too deeply: " + RecursingCharSequence.class.getName() + ">",
                        lines.get(6).get("v").asText()));
    }

    @Test
    void throwableWhoseGetMessageThrows() {
        log.error("message throws", new MessageThrows());
        log.error("message recurses", new MessageRecurses());
        log.error("as a cause", new RuntimeException("outer", new MessageThrows()));
        log.error("stack throws", new StackThrows());
        log.error("cause throws", new CauseThrows());
        List<JsonNode> lines = linesThenMore(5);
        JsonNode e0 = lines.get(0).get("exception");
        JsonNode e1 = lines.get(1).get("exception");
        JsonNode e2 = lines.get(2).get("exception");
        JsonNode e3 = lines.get(3).get("exception");
        JsonNode e4 = lines.get(4).get("exception");
        assertAll(
                () -> assertEquals(MessageThrows.class.getName(), e0.get("type").asText()),
                () -> assertEquals("<getMessage() threw java.lang.IllegalStateException>", e0.get("message").asText()),
                () -> assertTrue(e0.get("stack").size() > 0 && e0.get("stack").get(0).asText().contains("throwableWhoseGetMessageThrows"),
                        "the stack is still there: " + e0.get("stack")),
                () -> assertEquals("<getMessage() threw java.lang.StackOverflowError>", e1.get("message").asText()),
                () -> assertEquals("outer", e2.get("message").asText()),
                () -> assertEquals("<getMessage() threw java.lang.IllegalStateException>",
                        e2.get("cause").get("message").asText()),
                () -> assertEquals("stack throws", e3.get("message").asText()),
                () -> assertEquals("[\"<getStackTrace() threw java.lang.UnsupportedOperationException>\"]",
                        e3.get("stack").toString()),
                () -> assertEquals("cause throws", e4.get("message").asText()),
                () -> assertEquals("<getCause() threw java.lang.IllegalStateException>", e4.get("cause").asText()));
    }

    @Test
    void cyclicCauseChains() {
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b); // a -> b -> a
        log.error("two-cycle", a);
        log.error("own cause", new OwnCause());
        RuntimeException c = new RuntimeException("c");
        RuntimeException d = new RuntimeException("d");
        c.addSuppressed(d);
        d.addSuppressed(c); // c -suppressed-> d -suppressed-> c
        log.error("suppressed cycle", c);
        log.error("endless", new EndlessCause(0));
        List<JsonNode> lines = linesThenMore(4);
        JsonNode cycle = lines.get(0).get("exception");
        JsonNode own = lines.get(1).get("exception");
        JsonNode sup = lines.get(2).get("exception");
        JsonNode endless = lines.get(3).get("exception");
        int depth = 0;
        JsonNode last = endless;
        while (last.has("cause")) {
            last = last.get("cause");
            depth++;
        }
        int endlessDepth = depth;
        JsonNode endlessLast = last;
        assertAll(
                () -> assertEquals("a", cycle.get("message").asText()),
                () -> assertEquals("b", cycle.get("cause").get("message").asText()),
                () -> assertEquals("{\"type\":\"java.lang.RuntimeException\",\"circular\":true}",
                        cycle.get("cause").get("cause").toString()),
                () -> assertTrue(own.get("cause").get("circular").asBoolean(), own::toString),
                () -> assertTrue(sup.get("suppressed").get(0).get("suppressed").get(0).get("circular").asBoolean(),
                        sup::toString),
                () -> assertTrue(endlessDepth <= 8 && endlessLast.get("truncated").asBoolean(),
                        "an endless chain is cut at 8 levels: " + endless));
    }

    @Test
    void hugeStacksAndGraphs() {
        RuntimeException deep = thrownFrom(5_000);
        int deepFrames = deep.getStackTrace().length;
        StackOverflowError overflow = overflow();
        int overflowFrames = overflow.getStackTrace().length;
        RuntimeException synthetic = new RuntimeException("100,000 frames");
        StackTraceElement[] frames = new StackTraceElement[100_000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.acme.Deep", "call" + i, "Deep.java", i);
        }
        synthetic.setStackTrace(frames);
        Throwable chain = new RuntimeException("bottom");
        for (int i = 0; i < 10_000; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        RuntimeException many = new RuntimeException("10,000 suppressed");
        for (int i = 0; i < 10_000; i++) {
            many.addSuppressed(new IllegalArgumentException("s" + i));
        }
        RuntimeException bushy = bushy(5); // each node: 8 suppressed and a cause; 66,430 throwables
        String hugeMessage = "\uD800x\"".repeat(2_000_000);
        log.error("deep recursion", deep);
        log.error("stack overflow", overflow);
        log.error("synthetic stack", synthetic);
        log.error("long chain", chain);
        log.error("many suppressed", many);
        log.error("bushy", bushy);
        log.error("huge message", new RuntimeException(hugeMessage));
        List<JsonNode> lines = linesThenMore(7);
        int longestLine = 0;
        for (String line : Ndjson.strictUtf8(out.bytes()).split("\n")) {
            longestLine = Math.max(longestLine, line.length());
        }
        int longest = longestLine;
        assertAll(
                () -> assertTrue(deepFrames > 64, "the recursion made a big stack: " + deepFrames),
                () -> checkStack(lines.get(0), deepFrames),
                () -> checkStack(lines.get(1), overflowFrames),
                () -> checkStack(lines.get(2), 100_000),
                () -> assertTrue(depthOf(lines.get(3).get("exception")) <= 8, "chain cut at 8 levels"),
                () -> assertEquals(8, lines.get(4).get("exception").get("suppressed").size()),
                () -> assertEquals(10_000 - 8, lines.get(4).get("exception").get("suppressedOmitted").asInt()),
                () -> assertEquals("bushy", lines.get(5).get("msg").asText()),
                () -> assertEquals(65_536 + 1, lines.get(6).get("exception").get("message").asText().length(),
                        "a huge message is cut at maxStringLength, then …"),
                () -> assertTrue(lines.get(6).get("exception").get("message").asText().startsWith("\uFFFDx\"\uFFFDx\"")),
                () -> assertTrue(longest < 1_000_000, "every line stays bounded; longest " + longest + " chars"));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Logs "after" and {@value #MORE} more events; checks that they follow the {@code n} lines
     * under test, in order; returns those n lines.
     */
    private List<JsonNode> linesThenMore(int n) {
        log.info("after");
        for (int i = 0; i < MORE; i++) {
            log.info("more", "i", i);
        }
        List<JsonNode> lines = out.lines();
        Supplier<String> all = () -> lines.size() + " lines: " + Ndjson.abbreviate(lines.toString());
        assertEquals(n + 1 + MORE, lines.size(), all);
        assertEquals("after", lines.get(n).get("msg").asText(), all);
        for (int i = 0; i < MORE; i++) {
            assertEquals(i, lines.get(n + 1 + i).get("i").asInt());
        }
        return lines.subList(0, n);
    }

    private static void checkStack(JsonNode line, int frames) {
        JsonNode stack = line.get("exception").get("stack");
        int shown = Math.min(frames, 64);
        assertEquals(shown + (frames > 64 ? 1 : 0), stack.size(), () -> "stack of " + frames + " frames: " + stack);
        if (frames > 64) {
            assertEquals("... " + (frames - 64) + " more", stack.get(64).asText());
        }
    }

    private static int depthOf(JsonNode e) {
        int d = 0;
        while (e.has("cause")) {
            e = e.get("cause");
            d++;
        }
        return d;
    }

    private static RuntimeException thrownFrom(int depth) {
        if (depth == 0) {
            return new RuntimeException("at the bottom of a deep recursion");
        }
        return thrownFrom(depth - 1);
    }

    private static StackOverflowError overflow() {
        try {
            return overflow();
        } catch (StackOverflowError e) {
            return e;
        }
    }

    private static RuntimeException bushy(int levels) {
        RuntimeException e = new RuntimeException("node");
        if (levels > 0) {
            for (int i = 0; i < 8; i++) {
                e.addSuppressed(bushy(levels - 1));
            }
            e.initCause(bushy(levels - 1));
        }
        return e;
    }
}
