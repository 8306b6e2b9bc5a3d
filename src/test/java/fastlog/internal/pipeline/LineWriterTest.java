package fastlog.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
 * The writer's side of failures in the calling thread: records marked abandoned, records claimed
 * and never published, sealed batches whose hand-off never happened. (What leads there, a
 * StackOverflowError inside a logging call, is exercised end to end by {@code StackExhaustionTest}.)
 */
class LineWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(8);
    private final Stripe stripe = new Stripe(0, 2, 64, queue, () -> { });
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LineWriter writer = new LineWriter(
            new StripeReader(new Stripe[] {stripe}, queue, new ParkedProducers(), RecordProtocol.WRITER_MAX_PARKS),
            new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), 1000),
            new Sink(bytes, new PrintStream(new ByteArrayOutputStream())), 1000);
    private final LoggerCore core = new LoggerCore("test", new LevelSetting(0));

    /** Claims a one-field record and publishes it, or abandons it as a failed logging call does. */
    private void write(String msg, boolean abandoned) {
        long c = stripe.claim(RecordLayout.slotsFor(1), RecordLayout.claimed(1));
        Batch b = stripe.batch((int) (c >>> 32));
        int at = (int) c;
        if (abandoned) {
            RecordProtocol.abandon(b.longs(), at, 1);
            return;
        }
        RecordProtocol.putField(b.longs(), b.refs(), at, 0, "n", RecordLayout.TAG_LONG, 7, null);
        RecordProtocol.publish(b.longs(), b.refs(), at, core, Levels.INFO, 1_700_000_000_000_000L, msg, null, 1);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void anAbandonedRecordIsSkippedCountedAndReported() throws Exception {
        write("before", false);
        write("never completed", true);
        write("after", false);
        writer.drainAll();
        List<JsonNode> lines = lines();
        assertEquals(3, lines.size(), lines::toString);
        assertEquals("before", lines.get(0).get("msg").asText());
        assertEquals(7, lines.get(0).get("n").asInt());
        assertEquals("after", lines.get(1).get("msg").asText());
        JsonNode report = lines.get(2);
        assertEquals("ERROR", report.get("level").asText());
        assertTrue(report.get("msg").asText().startsWith("fastlog lost events"), report::toString);
        assertEquals(1, report.get("lost").asInt());
        assertEquals(1, report.get("lost_total").asInt());
        assertEquals(1, writer.lostEvents());
        assertEquals(2, writer.eventsWritten());
    }

    @Test
    void aRecordClaimedAndNeverPublishedCostsOnlyItselfAfterAWhile() throws Exception {
        write("before", false);
        stripe.claim(RecordLayout.slotsFor(1), RecordLayout.claimed(1)); // its thread died after claiming
        write("after", false);                  // located behind it by the length in its claim mark
        writer.drainAll();                      // gives up on the record after a couple of seconds
        List<JsonNode> lines = lines();
        assertEquals(3, lines.size(), lines::toString);
        assertEquals("before", lines.get(0).get("msg").asText());
        assertEquals("after", lines.get(1).get("msg").asText());
        assertEquals(1, lines.get(2).get("lost").asInt(), lines::toString);
        assertEquals(1, writer.lostEvents());
        write("later", false);                  // the stripe goes on
        writer.drainAll();
        assertEquals("later", lines().get(3).get("msg").asText());
    }

    @Test
    void aSealedBatchWithoutItsHandOffIsFoundByTheSweep() throws Exception {
        write("one", false);
        write("two", false);
        assertTrue(queue.isEmpty());
        assertEquals(0, writer.readHandedOff(), "nothing was handed off");
        assertTrue(writer.hasWork());
        assertEquals(2, writer.sweep(true));
        writer.writeOut();
        assertEquals(List.of("one", "two"), lines().stream().map(l -> l.get("msg").asText()).toList());
    }

    @Test
    void dropsAreReportedOnceWithTheirTotal() throws Exception {
        stripe.countDrop();
        stripe.countDrop();
        assertTrue(writer.hasWork(), "an unreported drop is work");
        writer.drainAll();
        stripe.countDrop();
        writer.drainAll();
        writer.drainAll();
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("WARN", lines.get(0).get("level").asText());
        assertEquals("fastlog", lines.get(0).get("logger").asText());
        assertEquals(2, lines.get(0).get("dropped").asInt());
        assertEquals(1, lines.get(1).get("dropped").asInt());
        assertEquals(3, lines.get(1).get("dropped_total").asInt());
    }
}
