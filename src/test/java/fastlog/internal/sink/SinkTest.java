package fastlog.internal.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SinkTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Writes the first line of each write, then fails, as a file whose disk filled up mid-write would. */
    private static final class FirstLineOnly implements Output {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();

        @Override
        public void write(byte[] bytes, int len) throws IOException {
            int end = 0;
            while (bytes[end] != '\n') {
                end++;
            }
            got.write(bytes, 0, end + 1);
            throw new LinesNotWritten(LinesNotWritten.countLines(bytes, end + 1, len), new IOException("disk full"));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close(long deadlineNanos) {
        }
    }

    @Test
    void aWriteCutShortCountsOnlyTheLinesNotWrittenAsLostAndReportsOnce() {
        FirstLineOnly out = new FirstLineOnly();
        Sink sink = new Sink(out, new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] three = "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, sink.write(three, three.length, 3));
        assertEquals(1, sink.write(three, three.length, 3));
        assertEquals(4, sink.eventsLost());
        assertEquals(2, sink.writeErrors());
        assertEquals("{\"a\":1}\n{\"a\":1}\n", out.got.toString(StandardCharsets.UTF_8));
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, report.lines().count(), report);
        assertTrue(report.contains("disk full"), report);
    }

    @Test
    void aWriteThatFailsWholeLosesAllItsEvents() {
        Sink sink = new Sink(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] two = "{}\n{}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, sink.write(two, two.length, 2));
        assertEquals(2, sink.eventsLost());
    }
}
