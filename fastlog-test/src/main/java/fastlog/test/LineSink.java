package fastlog.test;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * fastlog's output while the capture is installed: cuts the bytes into lines, decodes each as
 * strict UTF-8 and hands it to the {@link CaptureHub}, which parses and routes it.
 *
 * <p>Concurrency: fastlog writes from one thread at a time (its writer, or a thread in
 * {@code flush()} or logging after shutdown, each holding fastlog's consumer role); the lock
 * makes that an invariant of this class rather than an assumption. A line split across two
 * writes is kept until its newline arrives. Nothing thrown here reaches fastlog: a line that
 * fails is recorded as a failure by the hub.
 */
final class LineSink extends OutputStream {

    private final CaptureHub hub;
    private final ReentrantLock lock = new ReentrantLock();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] partial = new byte[256];
    private int partialLength;

    LineSink(CaptureHub hub) {
        this.hub = hub;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        lock.lock();
        try {
            int end = offset + length;
            int start = offset;
            for (int i = offset; i < end; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                if (partialLength == 0) {
                    line(bytes, start, i - start);
                } else {
                    append(bytes, start, i - start);
                    line(partial, 0, partialLength);
                    partialLength = 0;
                }
                start = i + 1;
            }
            if (start < end) {
                append(bytes, start, end - start);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes written without a final newline so far (none, when fastlog writes whole lines). */
    int pendingBytes() {
        lock.lock();
        try {
            return partialLength;
        } finally {
            lock.unlock();
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        System.arraycopy(bytes, offset, partial, partialLength, length);
        partialLength += length;
    }

    private void line(byte[] bytes, int offset, int length) {
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            hub.failed(new String(bytes, offset, length, StandardCharsets.UTF_8),
                    "not valid UTF-8 (" + e + ")");
            return;
        }
        try {
            hub.accept(text);
        } catch (RuntimeException | StackOverflowError e) {
            hub.failed(text, "the capture failed on this line: " + e);
        }
    }
}
