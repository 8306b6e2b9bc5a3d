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

import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.render.EventRenderer;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;

/**
 * The consumer's side of failures in the calling thread: records marked abandoned, sealed batches
 * whose hand-off never happened. (What leads there, a StackOverflowError inside a logging call,
 * is exercised end to end by {@code StackExhaustionTest}.)
 */
class ConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(8);
    private final Stripe stripe = new Stripe(0, 2, 64, queue, () -> { });
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Consumer consumer = new Consumer(new Stripe[] {stripe}, queue, new ParkedProducers(),
            new EventRenderer(new ReservedKeys("ts", "level", "logger", "msg"), 1000),
            new Sink(bytes, new PrintStream(new ByteArrayOutputStream())), 1000);
    private final LoggerCore core = new LoggerCore("test", new LevelSetting(0));

    private void write(String msg, boolean abandoned) {
        long c = stripe.claim(RecordLayout.slotsFor(1));
        Batch b = stripe.batch((int) (c >>> 32));
        int at = (int) c;
        if (abandoned) {
            b.longs()[at] = RecordLayout.abandoned(1); // what Pipeline.abandon stores
            return;
        }
        int k = RecordLayout.keySlot(at, 0);
        b.longs()[k] = RecordLayout.TAG_LONG;
        b.refs()[k] = "n";
        b.longs()[k + 1] = 7;
        b.refs()[at] = core;
        b.longs()[RecordLayout.timestampSlot(at)] = 1_700_000_000_000_000L;
        b.refs()[RecordLayout.messageSlot(at)] = msg;
        b.publish(at, RecordLayout.header(2, 1));
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
        consumer.drainAll();
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
        assertEquals(1, consumer.abandonedEvents());
        assertEquals(2, consumer.eventsWritten());
    }

    @Test
    void aRecordClaimedAndNeverPublishedStallsTheWriterOnlyForAWhile() throws Exception {
        write("before", false);
        stripe.claim(RecordLayout.slotsFor(1)); // its thread died before it could even mark it
        write("after", false);                  // cannot be located behind the unknown record
        consumer.drainAll();                    // gives up on the record after a couple of seconds
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("before", lines.get(0).get("msg").asText());
        assertEquals(2, lines.get(1).get("lost").asInt(), lines::toString);
        assertEquals(2, consumer.abandonedEvents());
        write("later", false);                  // the stripe goes on
        consumer.drainAll();
        assertEquals("later", lines().get(2).get("msg").asText());
    }

    @Test
    void aSealedBatchWithoutItsHandOffHintIsStillRendered() throws Exception {
        write("one", false);
        write("two", false);
        assertTrue(queue.isEmpty());
        assertEquals(0, consumer.takeHints(8), "no hint was given");
        assertTrue(consumer.hasWork());
        assertEquals(2, consumer.collectAll(true));
        consumer.writeOut();
        assertEquals(List.of("one", "two"), lines().stream().map(l -> l.get("msg").asText()).toList());
    }
}
