package fastlog.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures the events each test logs: {@code @ExtendWith(FastlogCapture.class)} with a mode. On
 * a class it applies to every test of the class (and of its {@code @Nested} classes); on a
 * method, to that test, and its mode wins over the class's.
 *
 * <pre>{@code
 * @CaptureLogs
 * class CheckoutTest {
 *     @Test
 *     void warnsOnDecline(CapturedLogs logs) { ... }
 *
 *     @Test
 *     @CaptureLogs(CaptureMode.TIME_WINDOW)   // logs from the pool's own threads too
 *     void retriesInTheBackground(CapturedLogs logs) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FastlogCapture.class)
public @interface CaptureLogs {

    /** Which events the test receives (default: those logged inside the test's scope). */
    CaptureMode value() default CaptureMode.TEST_SCOPE;
}
