package fastlog.bench.jmh;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import fastlog.internal.level.Levels;
import fastlog.internal.pipeline.ConsumerRole;
import fastlog.internal.pipeline.EventAppender;
import fastlog.internal.pipeline.FullQueueHandler;
import fastlog.internal.pipeline.LineWriter;
import fastlog.internal.pipeline.WriterThread;
import fastlog.internal.queue.MpscArrayQueue;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.sink.Sink;
import fastlog.internal.stripe.Batch;
import fastlog.internal.stripe.ParkedProducers;
import fastlog.internal.stripe.Stripe;
import fastlog.internal.stripe.StripeReader;

/**
 * The writer's capacity (issue 16): {@value #EVENTS} events staged in advance by the real
 * producer path ({@code EventAppender}, outside the measurement), then only the writer timed as it
 * reads them from the stripe ({@code StripeReader}), renders them and writes them to a file
 * ({@code LineWriter.drainAll}: one {@code write(2)} per MiB, as in the pipeline). Time per event
 * is render + write; compare it with {@link WriteCeilingBenchmark}, the same bytes pre-rendered.
 * Before each drain the previous one's file is checked to hold exactly {@value #EVENTS} lines
 * (nothing dropped, lost or added), then emptied.
 * The goal is 80 ns for the three-field event (12 M events/s on one core).
 *
 * <p>The parts are wired as {@code Pipeline} wires them, without the writer thread: the
 * benchmark thread holds the consumer's part.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(WriterCapacityBenchmark.EVENTS)
public class WriterCapacityBenchmark {

    static final int EVENTS = 8192;
    /** Enough batches of enough slots for EVENTS ten-field records (23 slots each) in one stripe. */
    private static final int RING = 16;
    private static final int BATCH_SLOTS = 16_384;

    @Param({"oneField", "threeFields", "tenFields"})
    public String shape;

    private final LoggerCore core = new LoggerCore("checkout", new LevelSetting(Levels.TRACE));
    private final Object[] tenPairs = {"user_id", 48213L, "order_id", 99000123L, "items", 3L, "total", 99.5,
            "currency", "EUR", "country", "DE", "coupon", "WELCOME10", "express", Boolean.TRUE,
            "latency_ms", 12.5, "region", "eu-west-1"};
    private Path file;
    private FileOutputStream out;
    private EventAppender appender;
    private LineWriter lines;
    private long drains;
    private final ByteBuffer checkBuffer = ByteBuffer.allocate(1 << 16);

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        file = dir.resolve("jmh-writer-capacity-" + ProcessHandle.current().pid() + ".ndjson");
        out = new FileOutputStream(file.toFile());
        MpscArrayQueue<Batch> queue = new MpscArrayQueue<>(RING);
        Stripe stripe = new Stripe(0, RING, BATCH_SLOTS, queue, () -> { });
        ParkedProducers parked = new ParkedProducers();
        StripeReader reader = new StripeReader(new Stripe[] {stripe}, queue, parked, 2_000);
        lines = new LineWriter(reader, FastlogRecords.renderer("default"),
                new Sink(out, new PrintStream(OutputStream.nullOutputStream())), FastlogRecords.MAX_STRING);
        ConsumerRole role = new ConsumerRole();
        WriterThread writer = new WriterThread(role, lines, 1_000_000L); // never started
        Runnable none = () -> { };
        appender = new EventAppender(new Stripe[] {stripe},
                (BATCH_SLOTS - RecordLayout.HEADER_SLOTS) / RecordLayout.SLOTS_PER_FIELD - RecordLayout.MAX_TRAILERS,
                new FullQueueHandler(true, parked, role, writer, none), writer, none);
    }

    /**
     * Checks that the last drain wrote exactly EVENTS lines, empties the file, and stages EVENTS
     * events of the shape, as logging threads would: all outside the measurement.
     */
    @Setup(Level.Invocation)
    public void stage() throws IOException {
        if (drains > 0) {
            long written = newlines(file);
            if (written != EVENTS) {
                throw new IllegalStateException("WRITER CAPACITY CHECK FAILED: " + written + " lines for " + EVENTS + " events");
            }
        }
        out.getChannel().truncate(0);
        out.getChannel().position(0);
        for (int i = 0; i < EVENTS; i++) {
            switch (shape) {
                case "oneField" -> appender.log1(core, Levels.INFO, "user login",
                        "user_id", RecordLayout.TAG_LONG, 48213L, null);
                case "threeFields" -> appender.log3(core, Levels.INFO, "request served",
                        "status", RecordLayout.TAG_LONG, 200L, null,
                        "path", RecordLayout.TAG_OBJECT, 0L, "/api/orders",
                        "ms", RecordLayout.TAG_DOUBLE, Double.doubleToRawLongBits(12.5), null);
                case "tenFields" -> appender.logPairs(core, Levels.INFO, "checkout", tenPairs);
                default -> throw new IllegalArgumentException("shape: " + shape);
            }
        }
    }

    @Benchmark
    public void drain() {
        lines.drainAll();
        drains++;
    }

    /**
     * Counts the file's newlines through a reused buffer: the check runs on the benchmark thread,
     * so whatever it allocated -prof gc would count as the writer's bytes per event.
     */
    private long newlines(Path file) throws IOException {
        long n = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int read; (read = in.read(checkBuffer.clear())) > 0; ) {
                byte[] a = checkBuffer.array();
                for (int i = 0; i < read; i++) {
                    if (a[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
