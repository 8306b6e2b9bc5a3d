package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sink and the routing on a private hub (fastlog's real output is not involved, so the bad
 * lines here cannot fail other tests): lines split across writes, lines routed by test id, and
 * every way a line can be wrong failing loudly, with the line.
 */
class LineSinkTest {

    private final CaptureHub hub = new CaptureHub(false);
    private final LineSink sink = new LineSink(hub);

    private static String line(long testId, String msg, String moreFields) {
        return "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":\"auth\",\"msg\":\"" + msg + "\","
                + "\"" + CaptureHub.TEST_ID_KEY + "\":" + testId + moreFields + "}\n";
    }

    private void write(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    @Test
    void routesByTestIdAndStripsIt() {
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        TestCapture b = hub.open(CaptureMode.TEST_SCOPE, "B.b()");
        write(line(a.id(), "for a", ",\"k\":1") + line(b.id(), "for b", "") + line(999, "for nobody", ""));
        List<LogEvent> got = a.read();
        assertEquals(1, got.size());
        assertEquals("for a", got.get(0).message());
        assertEquals(java.util.Map.of("k", 1L), got.get(0).fields());
        assertEquals("for b", b.read().get(0).message());
        assertEquals(List.of(), hub.close(a));
        assertEquals(List.of(), hub.close(b));
    }

    @Test
    void aWindowReceivesEveryLine() {
        TestCapture w = hub.open(CaptureMode.TIME_WINDOW, "W.w()");
        TestCapture s = hub.open(CaptureMode.TEST_SCOPE, "S.s()");
        write(line(s.id(), "scoped", "") + line(12345, "stray", ""));
        assertEquals(List.of("scoped", "stray"), w.read().stream().map(LogEvent::message).toList());
        assertEquals(List.of("S.s()"), List.copyOf(w.overlapping()));
        hub.close(w);
        hub.close(s);
    }

    @Test
    void probeLinesAreNeverShown() {
        TestCapture w = hub.open(CaptureMode.TIME_WINDOW, "W.w()");
        write("{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"ERROR\",\"logger\":\"" + CaptureHub.PROBE_LOGGER
                + "\",\"msg\":\"fastlog-test probe\",\"" + CaptureHub.PROBE_KEY + "\":7}\n");
        assertEquals(List.of(), w.read());
        hub.close(w);
    }

    @Test
    void aLineSplitAcrossWritesEvenInsideACharacter() {
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        byte[] bytes = (line(a.id(), "é😀 split", "") + line(a.id(), "second", "")).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            sink.write(b);
        }
        assertEquals(List.of("é😀 split", "second"), a.read().stream().map(LogEvent::message).toList());
        write("{\"ts\"");
        assertEquals(5, sink.pendingBytes());
        hub.close(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json}",
        "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":\"auth\",\"msg\":\"a\",\"k\":1,\"k\":2}",
        "{\"level\":\"INFO\",\"ts\":\"2026-11-25T09:14:03.512044Z\",\"logger\":\"auth\",\"msg\":\"wrong order\"}",
        "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":\"auth\"}",
        "{\"ts\":\"yesterday\",\"level\":\"INFO\",\"logger\":\"auth\",\"msg\":\"a\"}",
        "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"WARNING\",\"logger\":\"auth\",\"msg\":\"a\"}",
        "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":null,\"msg\":\"a\"}",
        "{\"ts\":\"2026-11-25T09:14:03.512044Z\",\"level\":\"INFO\",\"logger\":\"auth\",\"msg\":\"a\"} trailing",
        "[1,2,3]",
        "",
    })
    void aLineThatIsNotAFastlogEventFailsLoudlyWithTheLine(String bad) {
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        write(line(a.id(), "good", ""));
        write(bad + "\n");
        AssertionError e = assertThrows(AssertionError.class, a::read);
        assertTrue(e.getMessage().startsWith("fastlog wrote a line that fastlog-test cannot parse: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  line: " + bad), e.getMessage());
        List<String> problems = hub.close(a);
        assertEquals(1, problems.size());
        assertEquals(e.getMessage(), problems.get(0));
    }

    @Test
    void invalidUtf8FailsLoudly() {
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        byte[] b = {'{', '"', (byte) 0xC3, '"', '}', '\n'};
        sink.write(b, 0, b.length);
        AssertionError e = assertThrows(AssertionError.class, a::read);
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        hub.close(a);
    }

    @Test
    void aFailureBeforeTheTestStartedIsNotItsFailure() {
        write("garbage\n");
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        write(line(a.id(), "fine", ""));
        assertEquals(1, a.read().size());
        assertEquals(List.of(), hub.close(a));
    }

    @Test
    void aHugeBadLineIsShownCut() {
        TestCapture a = hub.open(CaptureMode.TEST_SCOPE, "A.a()");
        write("{\"k\":\"" + "x".repeat(100_000) + "\"\n");
        AssertionError e = assertThrows(AssertionError.class, a::read);
        assertTrue(e.getMessage().contains("… (100007 chars in all)"), () -> e.getMessage().substring(0, 300));
        assertTrue(e.getMessage().length() < 5_000, "length " + e.getMessage().length());
        hub.close(a);
    }
}
