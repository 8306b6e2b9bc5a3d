package fastlog.bench.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an NDJSON file after a run and parses <em>every</em> line with a real JSON parser
 * (Jackson's streaming parser, strict duplicate-key detection on). A line is good when it is
 * {@code \n}-terminated, holds exactly one JSON object and nothing else, every string in it is
 * valid UTF-8, no object in it repeats a key, and its top-level {@code msg} is the message the
 * benchmark logged. Anything else counts as malformed; the first problem is kept for the report.
 */
final class NdjsonCheck {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    final long lines;
    final long malformed;
    /** The first malformed line: its number, what is wrong, and its first 200 bytes; or null. */
    final String firstProblem;

    private NdjsonCheck(long lines, long malformed, String firstProblem) {
        this.lines = lines;
        this.malformed = malformed;
        this.firstProblem = firstProblem;
    }

    /**
     * Every line of every file (a rotated log's files: each must end with a newline, so a line
     * split across two files shows as malformed in both).
     */
    static NdjsonCheck ofAll(java.util.List<Path> files, String expectedMsg) throws IOException {
        long lines = 0;
        long malformed = 0;
        String first = null;
        for (Path f : files) {
            NdjsonCheck c = of(f, expectedMsg);
            lines += c.lines;
            malformed += c.malformed;
            if (first == null && c.firstProblem != null) {
                first = f.getFileName() + ": " + c.firstProblem;
            }
        }
        return new NdjsonCheck(lines, malformed, first);
    }

    static NdjsonCheck of(Path file, String expectedMsg) throws IOException {
        long lines = 0;
        long malformed = 0;
        String first = null;
        byte[] buf = new byte[1 << 20];
        int len = 0; // bytes in buf; buf[0] starts a line
        try (InputStream in = Files.newInputStream(file)) {
            for (;;) {
                if (len == buf.length) { // one line longer than the buffer: grow it
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                int end = len + n;
                int start = 0;
                for (int i = len; i < end; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                        String problem = problem(buf, start, i - start, expectedMsg);
                        if (problem != null) {
                            malformed++;
                            if (first == null) {
                                first = describe(lines, problem, buf, start, i - start);
                            }
                        }
                        start = i + 1;
                    }
                }
                len = end - start;
                System.arraycopy(buf, start, buf, 0, len);
            }
        }
        if (len > 0) { // a last line without its newline
            lines++;
            malformed++;
            if (first == null) {
                first = describe(lines, "no newline at the end of the file", buf, 0, len);
            }
        }
        return new NdjsonCheck(lines, malformed, first);
    }

    /** What is wrong with the line {@code buf[off, off + len)}, or null if nothing. */
    private static String problem(byte[] buf, int off, int len, String expectedMsg) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            String msg = null;
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return "the object is not closed";
                }
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> {
                        String v = p.getString(); // decodes it: invalid UTF-8 throws
                        if (depth == 1 && "msg".equals(p.currentName())) {
                            msg = v;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (p.nextToken() != null) {
                return "more than one JSON value on the line";
            }
            if (expectedMsg != null && !expectedMsg.equals(msg)) {
                return "msg is " + (msg == null ? "missing" : '"' + msg + '"') + ", expected \"" + expectedMsg + '"';
            }
            return null;
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            return "not valid JSON: " + (m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
        }
    }

    private static String describe(long line, String problem, byte[] buf, int off, int len) {
        String text = new String(buf, off, Math.min(len, 200), StandardCharsets.UTF_8);
        return "line " + line + ": " + problem + ": " + text;
    }
}
