package fastlog.test;

/** Which events a test's {@link CapturedLogs} receives. */
public enum CaptureMode {

    /**
     * The default, and safe with parallel tests: the events logged inside the test's scope. The
     * test method, its {@code @BeforeEach}/{@code @AfterEach} methods and its dynamic tests run in
     * a {@code fastlog.api.LogContext} scope carrying a hidden test id, so the test receives every
     * event logged by the thread running it, by code running inside that scope, and by threads
     * that inherit it ({@code StructuredTaskScope} forks on Java 25+, tasks wrapped with
     * {@link CapturedLogs#inScope(Runnable)}), through any API (fastlog.api, SLF4J,
     * java.util.logging, System.Logger). It never receives another test's events. Events logged
     * by a thread outside the scope (a plain executor or a thread started with
     * {@code new Thread}, virtual or not) are not attributed to any test and are not captured.
     */
    TEST_SCOPE,

    /**
     * Every event written between the start and the end of the test, whichever thread logged it:
     * for code that logs from its own threads. Meant for tests that run alone: with tests running
     * in parallel it also receives the other tests' events (annotate the class
     * {@code @org.junit.jupiter.api.parallel.Isolated}); failure messages then name the tests that
     * overlapped. Start and end are flushes: an event logged before the test started is not
     * included, and every event logged before it ended is.
     */
    TIME_WINDOW
}
