/**
 * Capturing and asserting on the events a JUnit 5 test logs through fastlog: the extension
 * ({@link fastlog.test.FastlogCapture}, or {@link fastlog.test.CaptureLogs} on a class or method),
 * the captured events ({@link fastlog.test.CapturedLogs}, {@link fastlog.test.LogEvent},
 * {@link fastlog.test.LoggedException}) and fluent assertions ({@link fastlog.test.LogAssert},
 * {@link fastlog.test.EventAssert}). Internals (the sink that parses fastlog's output, the routing
 * of lines to tests) are package-private here.
 */
package fastlog.test;
