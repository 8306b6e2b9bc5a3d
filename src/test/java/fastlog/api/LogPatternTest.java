package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.internal.record.MessageArgs;

/**
 * {@code Logger.logPattern}: messages made on the writer from captured arguments. SLF4J syntax is
 * checked against SLF4J's own {@code MessageFormatter} over random patterns and arguments.
 */
class LogPatternTest {

    enum Weather {
        SUNNY {
            @Override
            public String toString() {
                return "sunny!";
            }
        }
    }

    private static final class Throws {
        @Override
        public String toString() {
            throw new IllegalStateException("no");
        }
    }

    private CapturedLog out;
    private final Logger log = Fastlog.logger("test.pattern");

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = CapturedLog.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void syntaxOrdinalsMatchTheInternalOnes() {
        assertEquals(MessageArgs.SLF4J, MessageSyntax.SLF4J.ordinal());
        assertEquals(MessageArgs.JAVA_TEXT, MessageSyntax.JAVA_TEXT.ordinal());
    }

    @Test
    void slf4jPatternsFormatAsSlf4jDoes() {
        RuntimeException e = new RuntimeException("boom");
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "user {} logged in", 48213, null);
        log.logPattern(Level.WARN, MessageSyntax.SLF4J, "a {} b {}", "x", e, null); // trailing Throwable: exception
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "escaped \\{} and {}", new Object[] {1}, null);
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "arrays {} {}", new int[] {1, 2}, new char[] {'a'}, null);
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "bad {}", new Throws(), null);
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, null, "ignored", null);
        log.logPattern(Level.INFO, null, "verbatim {}", "ignored", null);
        log.logPattern(Level.ERROR, MessageSyntax.SLF4J, "with all {}", new Object[] {Weather.SUNNY}, e,
                new String[] {"AUDIT", "SECURITY"}, new Object[] {"user_id", 7, "path", "/api"});
        log.logPattern(null, MessageSyntax.SLF4J, "no level", 1, null);
        List<JsonNode> lines = out.lines();
        assertEquals(8, lines.size(), lines::toString);
        assertEquals("user 48213 logged in", lines.get(0).get("msg").asText());
        assertEquals("a x b {}", lines.get(1).get("msg").asText());
        assertEquals("boom", lines.get(1).get("exception").get("message").asText());
        assertEquals("escaped {} and 1", lines.get(2).get("msg").asText());
        assertEquals("arrays [1, 2] [a]", lines.get(3).get("msg").asText());
        assertEquals("bad [FAILED toString()]", lines.get(4).get("msg").asText());
        assertTrue(lines.get(5).get("msg").isNull());
        assertEquals("verbatim {}", lines.get(6).get("msg").asText());
        JsonNode all = lines.get(7);
        assertEquals("with all sunny!", all.get("msg").asText());
        assertEquals(7, all.get("user_id").asInt());
        assertEquals("/api", all.get("path").asText());
        assertEquals("boom", all.get("exception").get("message").asText());
        assertEquals("[\"AUDIT\",\"SECURITY\"]", all.get("tags").toString());
        assertFalse(lines.get(0).has("exception"));
    }

    @Test
    void argumentsAreCapturedWhenTheCallIsMade() {
        StringBuilder mutable = new StringBuilder("before");
        Object[] args = {mutable};
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "value {}", args, null);
        mutable.setLength(0);
        mutable.append("after");
        args[0] = "replaced";
        Date date = new Date(0);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "at {0,date,yyyy}", date, null);
        date.setTime(4_102_444_800_000L); // 2100
        List<JsonNode> lines = out.lines();
        assertEquals("value before", lines.get(0).get("msg").asText());
        assertEquals(new MessageFormat("at {0,date,yyyy}").format(new Object[] {new Date(0)}),
                lines.get(1).get("msg").asText());
    }

    @Test
    void javaTextPatternsFormatAsJavaUtilLoggingDoes() {
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "{0} has {1,number,integer} items", "cart", 3, null);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "no index {here}", "x", null);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "broken {0", "x", null);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "fails {0}", new Throws(), null);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "'{0}' quoted {0}", new Object[] {"v"}, null);
        log.logPattern(Level.INFO, MessageSyntax.JAVA_TEXT, "unused {1}", new Throws(), "ok", null);
        List<JsonNode> lines = out.lines();
        assertEquals("cart has 3 items", lines.get(0).get("msg").asText());
        assertEquals("no index {here}", lines.get(1).get("msg").asText());
        assertEquals("broken {0", lines.get(2).get("msg").asText());
        assertEquals("fails {0}", lines.get(3).get("msg").asText());
        assertEquals(MessageFormat.format("'{0}' quoted {0}", "v"), lines.get(4).get("msg").asText());
        // MessageFormat reads only the arguments the pattern uses (JUL formats this one).
        assertEquals("unused ok", lines.get(5).get("msg").asText());
    }

    /** Random patterns over "{ } \ a" and random arguments: the message and exception SLF4J would produce. */
    @Test
    void slf4jFormattingMatchesMessageFormatterOnRandomInput() {
        Random rnd = new Random(20261130);
        char[] alphabet = {'{', '}', '\\', 'a'};
        Object[] pool = {null, 42, "s{}", "\\", new int[] {1}, new char[] {'x', 'y'}, new Throws(), Weather.SUNNY,
                new IllegalStateException("mid"), 1.5, List.of(1, 2)};
        List<String> expectedMsgs = new ArrayList<>();
        List<Boolean> expectedExceptions = new ArrayList<>();
        for (int round = 0; round < 2000; round++) {
            StringBuilder p = new StringBuilder();
            for (int i = rnd.nextInt(13); i > 0; i--) {
                p.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            Object[] args = new Object[rnd.nextInt(5)];
            for (int i = 0; i < args.length; i++) {
                args[i] = pool[rnd.nextInt(pool.length)];
            }
            if (args.length > 0 && rnd.nextInt(4) == 0) {
                args[args.length - 1] = new RuntimeException("last");
            }
            Throwable explicit = rnd.nextInt(5) == 0 ? new RuntimeException("explicit") : null;
            NormalizedParameters np = NormalizedParameters.normalize(p.toString(), args.clone(), explicit);
            expectedMsgs.add(MessageFormatter.basicArrayFormat(np));
            expectedExceptions.add(np.getThrowable() != null);
            log.logPattern(Level.INFO, MessageSyntax.SLF4J, p.toString(), args, explicit);
        }
        List<JsonNode> lines = out.lines();
        assertEquals(expectedMsgs.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(expectedMsgs.get(i), line.get("msg").asText(), line::toString);
            assertEquals(expectedExceptions.get(i), line.has("exception"), line::toString);
        }
    }
}
