package fastlog.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fastlog.internal.level.Levels;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.internal.stripe.StripeReader;

/**
 * The running writer thread's idle backstop. (The wake-up handshakes themselves are jcstress
 * tests: {@code NoLostWakeUp}.)
 */
class WriterThreadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(8);
    private final Stripe stripe = new Stripe(0, 2, 64, queue, () -> { });
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final WriterThread writer = new WriterThread(new ConsumerRole(), new LineWriter(
            new StripeReader(new Stripe[] {stripe}, queue, new ParkedProducers(), RecordProtocol.WRITER_MAX_PARKS),
            new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), 1000),
            new Sink(bytes, new PrintStream(new ByteArrayOutputStream())), 1000), 1_000_000L);

    @AfterEach
    void stopTheWriter() throws InterruptedException {
        writer.requestStop();
        writer.join(10_000);
    }

    @Test
    void aRecordWhoseProducerNeverWokeTheIdleWriterIsWrittenByTheBackstop() throws Exception {
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!writer.isParkedIdle()) { // nothing staged: its first pass ends in the IDLE park
            assertTrue(System.nanoTime() < deadline, "the writer of an empty pipeline never went idle");
            Thread.sleep(1);
        }

        // A producer that died between publishing and recordPublished: claimed slot 0 of a
        // batch, published, and never unparked the writer.
        long c = stripe.claim(RecordLayout.slotsFor(1), RecordLayout.claimed(1));
        Batch b = stripe.batch((int) (c >>> 32));
        assertEquals(0, (int) c, "the first record of its batch, the one that should have woken the writer");
        RecordProtocol.putField(b.longs(), b.refs(), (int) c, 0, "n", RecordLayout.TAG_LONG, 7, null);
        RecordProtocol.publish(b.longs(), b.refs(), (int) c, new LoggerCore("test", new LevelSetting(0)),
                Levels.INFO, 1_700_000_000_000_000L, "never woke the writer", null, 1);

        // Written after about IDLE_RECHECK_NANOS; the generous limit only keeps a failure from hanging.
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (bytes.size() == 0) {
            assertTrue(System.nanoTime() < deadline, "the record was never written: the IDLE park has no backstop");
            Thread.sleep(10);
        }
        String out = bytes.toString(StandardCharsets.UTF_8); // the pass's one write() is whole
        JsonNode line = JSON.readTree(out.lines().findFirst().orElseThrow());
        assertEquals("never woke the writer", line.get("msg").asText(), out);
        assertEquals(7, line.get("n").asInt(), out);
    }
}
