package fastlog.internal.sink;

import java.io.IOException;
import java.io.OutputStream;

/** An {@link OutputStream} given by the user (or stdout): written as it is, flushed, never closed. */
public final class StreamOutput implements Output {

    private final OutputStream out;

    public StreamOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(byte[] bytes, int len) throws IOException {
        out.write(bytes, 0, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** fastlog does not own the stream: flushes it only. */
    @Override
    public void close(long deadlineNanos) throws IOException {
        out.flush();
    }
}
