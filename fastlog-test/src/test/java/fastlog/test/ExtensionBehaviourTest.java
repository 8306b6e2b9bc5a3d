package fastlog.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * How the extension behaves in a user's build, run with JUnit's engine: registration styles and
 * modes, a bad line or a reconfigured fastlog failing the test, a misplaced parameter. Isolated:
 * two of the examples break fastlog's routing on purpose, so nothing else may run meanwhile.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class ExtensionBehaviourTest {

    private static final Logger log = Fastlog.logger("behaviour");

    // ---------------------------------------------------------------- registration and modes

    @Test
    void registeredAsAFieldWithADefaultModeThatAnnotationsOverride() {
        EngineExecutionResults r = Kit.run(FieldRegistered.class);
        assertEquals(List.of(), Kit.failures(r));
        r.testEvents().assertStatistics(s -> s.succeeded(2));
    }

    @KitOnly
    static class FieldRegistered {
        @RegisterExtension
        static final FastlogCapture capture = FastlogCapture.timeWindow();

        @Test
        void fieldMode(CapturedLogs logs) {
            assertEquals(CaptureMode.TIME_WINDOW, logs.mode());
        }

        @Test
        @CaptureLogs(CaptureMode.TEST_SCOPE)
        void methodAnnotationWins(CapturedLogs logs) {
            assertEquals(CaptureMode.TEST_SCOPE, logs.mode());
        }
    }

    @Test
    void registeredTwiceCapturesOnce() {
        EngineExecutionResults r = Kit.run(RegisteredTwice.class);
        assertEquals(List.of(), Kit.failures(r));
        r.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @KitOnly
    @CaptureLogs
    @ExtendWith(FastlogCapture.class)
    static class RegisteredTwice {
        @RegisterExtension
        final FastlogCapture another = FastlogCapture.testScope();

        @Test
        void once(CapturedLogs logs) {
            log.info("once");
            logs.assertThat().hasEvent("once").once();
        }
    }

    @Test
    void nestedClassesInheritTheMode() {
        EngineExecutionResults r = Kit.run(Outer.class);
        assertEquals(List.of(), Kit.failures(r));
        r.testEvents().assertStatistics(s -> s.succeeded(2));
    }

    @KitOnly
    @CaptureLogs(CaptureMode.TIME_WINDOW)
    static class Outer {
        @Test
        void outer(CapturedLogs logs) {
            assertEquals(CaptureMode.TIME_WINDOW, logs.mode());
        }

        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void inner(CapturedLogs logs) {
                assertEquals(CaptureMode.TIME_WINDOW, logs.mode());
            }
        }
    }

    @Test
    void capturedLogsInBeforeAllIsRefusedWithAReason() {
        EngineExecutionResults r = Kit.run(BeforeAllParameter.class);
        Throwable t = r.containerEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertTrue(t.getMessage().contains("fastlog-test captures per test: a CapturedLogs parameter is allowed on"), t::getMessage);
    }

    @KitOnly
    @CaptureLogs
    static class BeforeAllParameter {
        @BeforeAll
        static void tooEarly(CapturedLogs logs) {
        }

        @Test
        void never() {
        }
    }

    // ---------------------------------------------------------------- failing loudly

    @Test
    void aLineThatCannotBeParsedFailsTheTestsCapturingThen() {
        EngineExecutionResults r = Kit.run(BadLine.class);
        List<Throwable> failures = Kit.failures(r);
        assertEquals(2, failures.size(), failures::toString);
        for (Throwable t : failures) {
            assertTrue(t.getMessage().contains("fastlog wrote a line that fastlog-test cannot parse: ")
                    && t.getMessage().contains("line: {\"this is\": not json"), t::getMessage);
        }
        r.testEvents().assertStatistics(s -> s.started(3).failed(2).succeeded(1));
    }

    @KitOnly
    @CaptureLogs
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BadLine {
        @Test
        @Order(1)
        void failsAtTheEndEvenWithoutReading() {
            inject("{\"this is\": not json\n");
        }

        @Test
        @Order(2)
        void failsWhenItReads(CapturedLogs logs) {
            log.info("fine");
            inject("{\"this is\": not json either\n");
            logs.events();
        }

        @Test
        @Order(3)
        void laterTestsAreNotAffected(CapturedLogs logs) {
            log.info("fine");
            assertEquals(List.of("fine"), logs.messages());
        }

        private static void inject(String text) {
            Fastlog.flush();
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            CaptureHub.global().sink().write(b, 0, b.length);
        }
    }

    @Test
    void aTestThatReconfiguresFastlogFailsAndTheNextTestCapturesAgain() {
        EngineExecutionResults r = Kit.run(Reconfigures.class);
        List<Throwable> failures = Kit.failures(r);
        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.get(0).getMessage().contains("fastlog's output was taken away from the capture during the test"),
                failures.get(0)::getMessage);
        r.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    }

    @KitOnly
    @CaptureLogs
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Reconfigures {
        static final ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();

        @Test
        @Order(1)
        void takesTheOutputAway(CapturedLogs logs) {
            log.info("captured");
            Fastlog.shutdown();
            Fastlog.configure().output(elsewhere).apply();
            log.info("gone elsewhere");
        }

        @Test
        @Order(2)
        void theNextTestCapturesAgain(CapturedLogs logs) {
            log.info("captured again");
            assertEquals(List.of("captured again"), logs.messages());
            assertTrue(elsewhere.toString(StandardCharsets.UTF_8).contains("gone elsewhere"));
        }
    }
}
