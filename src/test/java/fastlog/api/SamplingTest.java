package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sampling policy: per level, logger and message, the first N of a period, then every Mth;
 * suppressed events counted in Stats and reported by a line from logger "fastlog"; decided before
 * anything is captured.
 */
class SamplingTest {

    private final Logger log = Fastlog.logger("test.sampling");

    @BeforeEach
    void level() {
        Fastlog.setLevel(Level.INFO);
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    private static List<JsonNode> events(List<JsonNode> lines, String msg) {
        return lines.stream().filter(l -> msg.equals(l.get("msg").asText())).toList();
    }

    @Test
    void firstNThenEveryMthPerLoggerAndMessage() {
        CapturedLog out = CapturedLog.start(c -> c.sampling(Duration.ofHours(1), 3, 4));
        Logger other = Fastlog.logger("test.sampling.other");
        for (int i = 1; i <= 20; i++) {
            log.info("hot", "i", i);
            log.info("other message", "i", i);
            other.info("hot", "i", i);
        }
        log.warn("hot", "i", 0); // another level: its own counter
        List<JsonNode> lines = out.lines();
        List<Integer> kept = events(lines, "hot").stream().filter(l -> l.get("logger").asText().equals(log.name())
                && l.get("level").asText().equals("INFO")).map(l -> l.get("i").asInt()).toList();
        // counts 1..3 pass, then 3 + 4k: 7, 11, 15, 19
        assertEquals(List.of(1, 2, 3, 7, 11, 15, 19), kept);
        assertEquals(7, events(lines, "other message").size());
        assertEquals(7 + 7 + 1, events(lines, "hot").size());
        assertEquals(3 * 13, Fastlog.stats().eventsSampledOut());
        JsonNode report = lines.stream().filter(l -> l.get("logger").asText().equals("fastlog")).findFirst().orElseThrow();
        assertEquals("INFO", report.get("level").asText());
        assertEquals(39, report.get("sampled_out").asInt());
        assertEquals(39, report.get("sampled_out_total").asInt());
    }

    @Test
    void thereafterZeroKeepsOnlyTheFirstNAndANewPeriodStartsOver() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.sampling(Duration.ofSeconds(1), 2, 0));
        for (int i = 0; i < 10; i++) {
            log.info("burst");
        }
        Thread.sleep(2_100); // at least one whole period later
        for (int i = 0; i < 10; i++) {
            log.info("burst");
        }
        assertEquals(4, events(out.lines(), "burst").size());
        assertEquals(16, Fastlog.stats().eventsSampledOut());
    }

    @Test
    void aSuppressedEventCapturesNothing() {
        CapturedLog out = CapturedLog.start(c -> c.sampling(Duration.ofHours(1), 1, 0));
        AtomicInteger evaluated = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            log.info("lazy", "v", Logger.lazy(evaluated::incrementAndGet));
            log.info("lazy2", "a", 1, "b", 2, "c", 3, "v", Logger.lazy(evaluated::incrementAndGet));
        }
        assertEquals(2, evaluated.get());
        assertEquals(2, events(out.lines(), "lazy").size() + events(out.lines(), "lazy2").size());
    }

    @Test
    void disabledLevelsAreNotCountedAndSamplingIsOffByDefault() {
        CapturedLog out = CapturedLog.start(c -> c.sampling(Duration.ofHours(1), 1, 0));
        for (int i = 0; i < 5; i++) {
            log.debug("disabled");
        }
        assertEquals(0, Fastlog.stats().eventsSampledOut());
        out = CapturedLog.start();
        for (int i = 0; i < 50; i++) {
            log.info("unsampled");
        }
        assertEquals(50, out.lines().size());
        assertEquals(0, Fastlog.stats().eventsSampledOut());
    }

    @Test
    void manyThreadsCountEveryEvent() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.sampling(Duration.ofHours(1), 10, 0));
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    log.info("contended");
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(10, events(out.lines(), "contended").size());
        assertEquals(8000 - 10, Fastlog.stats().eventsSampledOut());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().sampling(Duration.ofNanos(10), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().sampling(Duration.ofSeconds(1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().sampling(Duration.ofSeconds(1), 1, -1));
        assertTrue(true);
    }
}
