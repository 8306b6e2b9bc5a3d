package fastlog.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.DefaultLoggingEventBuilder;
import org.slf4j.spi.LocationAwareLogger;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Fastlog;
import fastlog.api.Level;

/**
 * Random patterns and arguments through every SLF4J entry point ({@code org.slf4j.Logger}'s classic
 * methods, the fluent builder, SLF4J's own {@code DefaultLoggingEventBuilder}, LocationAwareLogger):
 * each line's {@code msg} must be what SLF4J's {@code MessageFormatter} makes of the normalized call
 * (what Logback writes), and its {@code exception} the Throwable SLF4J picks.
 * {@code -Dfastlog.slf4j.seed=N} replays another sequence.
 */
@Timeout(60) // every test waits for the writer (flush)
class FormatDifferentialTest {

    enum Weather {
        SUNNY {
            @Override
            public String toString() {
                return "sunny!";
            }
        }
    }

    static final class Throws {
        @Override
        public String toString() {
            throw new IllegalStateException("no");
        }
    }

    private final Logger log = LoggerFactory.getLogger("test.slf4j.differential");
    private Captured out;

    @BeforeEach
    void start() {
        Fastlog.setLevel(Level.INFO);
        out = Captured.start();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    /**
     * The oracle's result without its stderr report of each failing toString() (SLF4J's Reporter
     * looks up System.err at every report; fastlog took its own stderr when it started).
     */
    private static String quietly(java.util.function.Supplier<String> oracle) {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return oracle.get();
        } finally {
            System.setErr(err);
        }
    }

    private static String describe(Object[] args) {
        StringBuilder sb = new StringBuilder("[");
        for (Object a : args) {
            sb.append(a == null ? "null" : a.getClass().getSimpleName()).append(' ');
        }
        return sb.append(']').toString();
    }

    private record Expected(String msg, String exception, String call) {
    }

    @Test
    void messagesMatchMessageFormatterOnRandomInput() {
        long seed = Long.getLong("fastlog.slf4j.seed", 20261201L);
        Random rnd = new Random(seed);
        char[] alphabet = {'{', '}', '\\', 'a', ' '};
        Object[] self = new Object[2];
        self[0] = 1;
        self[1] = self;
        Object[] pool = {null, 42, -7L, "s{}", "\\", new int[] {1, 2}, new char[] {'x', 'y'}, new double[] {1.5},
                new Throws(), Weather.SUNNY, new IllegalStateException("mid"), 1.5, 1.0E20, 'c', true,
                new BigDecimal("1.10"), List.of(1, 2), new StringBuilder("sb"), self, new Object[] {"n", null}};
        List<Expected> expected = new ArrayList<>();
        for (int round = 0; round < 3000; round++) {
            StringBuilder p = new StringBuilder();
            for (int i = rnd.nextInt(13); i > 0; i--) {
                p.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String pattern = rnd.nextInt(50) == 0 ? null : p.toString();
            Object[] args = new Object[rnd.nextInt(5)];
            for (int i = 0; i < args.length; i++) {
                args[i] = pool[rnd.nextInt(pool.length)];
            }
            if (args.length > 0 && rnd.nextInt(4) == 0) {
                args[args.length - 1] = new RuntimeException("last" + round);
            }
            Throwable explicit = null;
            String call;
            switch (rnd.nextInt(7)) {
                case 0 -> { // the fixed-arity classic methods, arguments typed Object
                    call = "classic";
                    switch (args.length) {
                        case 0 -> log.info(pattern);
                        case 1 -> log.info(pattern, args[0]);
                        case 2 -> log.info(pattern, args[0], args[1]);
                        default -> log.info(pattern, args);
                    }
                }
                case 1 -> {
                    call = "varargs";
                    log.info(pattern, args);
                }
                case 2 -> {
                    call = "marker";
                    log.info(MarkerFactory.getMarker("M"), pattern, args);
                }
                case 3 -> {
                    call = "throwable";
                    explicit = new RuntimeException("explicit" + round);
                    args = new Object[0];
                    log.info(pattern, explicit);
                }
                case 4 -> {
                    call = "fluent";
                    explicit = rnd.nextBoolean() ? new RuntimeException("explicit" + round) : null;
                    log.atInfo().setCause(explicit).log(pattern, args);
                }
                case 5 -> {
                    call = "default builder";
                    explicit = rnd.nextBoolean() ? new RuntimeException("explicit" + round) : null;
                    DefaultLoggingEventBuilder b = new DefaultLoggingEventBuilder(log, org.slf4j.event.Level.INFO);
                    for (Object a : args) {
                        b.addArgument(a);
                    }
                    b.setCause(explicit).log(pattern);
                }
                default -> {
                    call = "location aware";
                    explicit = rnd.nextBoolean() ? new RuntimeException("explicit" + round) : null;
                    ((LocationAwareLogger) log).log(null, "fqcn", LocationAwareLogger.INFO_INT, pattern, args, explicit);
                }
            }
            NormalizedParameters np = NormalizedParameters.normalize(pattern, args.length == 0 ? null : args.clone(), explicit);
            Throwable t = np.getThrowable();
            expected.add(new Expected(quietly(() -> MessageFormatter.basicArrayFormat(np)), t == null ? null : t.getMessage(),
                    call + " " + pattern + " " + describe(args) + " explicit=" + explicit));
        }
        List<JsonNode> lines = out.lines();
        assertEquals(expected.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Expected e = expected.get(i);
            String where = "seed " + seed + ", round " + i + ": " + e.call() + " -> " + line;
            JsonNode msg = line.get("msg");
            assertEquals(e.msg(), msg.isNull() ? null : msg.asText(), where);
            JsonNode ex = line.get("exception");
            assertEquals(e.exception(), ex == null ? null : ex.get("message").asText(), where);
        }
    }
}
