package fastlog.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import fastlog.api.Configuration;
import fastlog.api.Fastlog;

/**
 * An in-memory output for fastlog running in the test JVM. Optionally gated: every write blocks
 * until {@link #open()} (a stalled reader), so the queue fills up. Writes are synchronized, so
 * the test may read at any time.
 */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch gate;

    private CapturedOutput(boolean gated) {
        this.gate = new CountDownLatch(gated ? 1 : 0);
    }

    /** Restarts fastlog writing into a new CapturedOutput with these extra settings. */
    static CapturedOutput install(boolean gated, Consumer<Configuration> settings) {
        Fastlog.shutdown();
        CapturedOutput out = new CapturedOutput(gated);
        Configuration c = Fastlog.configure().output(out);
        settings.accept(c);
        c.apply();
        return out;
    }

    static CapturedOutput install() {
        return install(false, c -> { });
    }

    void open() {
        gate.countDown();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        boolean interrupted = false;
        for (;;) {
            try {
                gate.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        synchronized (this) {
            bytes.write(b, off, len);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    /** What was written so far, which is then forgotten. */
    synchronized byte[] take() {
        byte[] b = bytes.toByteArray();
        bytes.reset();
        return b;
    }

    /** Flushes fastlog, then parses everything written so far, strictly. */
    List<JsonNode> lines() {
        Fastlog.flush();
        return Ndjson.parse(bytes());
    }
}
