package fastlog.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit 5 extension that captures the events each test logs through fastlog (and through
 * fastlog-slf4j and fastlog-jdk, which feed the same pipeline). Register it with
 * {@link CaptureLogs @CaptureLogs}, {@code @ExtendWith(FastlogCapture.class)}, or a field
 * {@code @RegisterExtension static final FastlogCapture capture = FastlogCapture.timeWindow();},
 * then take a {@link CapturedLogs} parameter.
 *
 * <h2>What a test sees</h2>
 * In the default {@link CaptureMode#TEST_SCOPE}, the test's {@code @BeforeEach} methods, the test
 * method (or each invocation of a parameterized or repeated test, or the dynamic tests of a
 * {@code @TestFactory}) and its {@code @AfterEach} methods run inside a
 * {@code fastlog.api.LogContext} scope carrying a hidden test id. The test sees the events that
 * carry its id: those logged on the thread running it, inside that scope, and by threads that
 * inherit the scope. Tests running in parallel never see each other's events. Events logged
 * outside the scope (a plain executor thread, {@code @BeforeAll}, another extension's callbacks)
 * belong to no test. {@link CaptureMode#TIME_WINDOW} sees every event written between the test's
 * start and end instead. {@link CaptureMode} has the details.
 *
 * <h2>What it does to fastlog</h2>
 * The first test that uses it routes fastlog's output, for the rest of the JVM, into memory
 * ({@code Fastlog.shutdown()}, then {@code Fastlog.configure().output(...).format(OutputFormat.JSON).apply()}
 * with the default settings otherwise: JSON even if {@code FASTLOG_FORMAT} or
 * {@code -Dfastlog.format} ask for the console format, since the capture parses lines): while tests that capture run, fastlog writes nothing to stdout, and events
 * that belong to no capturing test are discarded. Levels are not changed: a test sees what
 * fastlog's levels let through. If other code reconfigures fastlog later, the next test
 * re-installs the capture, and a test during which that happened fails (its events may have gone
 * elsewhere).
 *
 * <h2>Failures</h2>
 * A line that cannot be parsed (never expected from fastlog) fails every test capturing at that
 * time, with the line: at its next read, and at its end.
 */
public final class FastlogCapture implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FastlogCapture.class);
    private static final String KEY = "capture";

    private final CaptureMode defaultMode;

    /** The extension in {@link CaptureMode#TEST_SCOPE} mode, unless {@link CaptureLogs} says otherwise. */
    public FastlogCapture() {
        this(CaptureMode.TEST_SCOPE);
    }

    private FastlogCapture(CaptureMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    /** For {@code @RegisterExtension}: each test sees the events of its own scope. */
    public static FastlogCapture testScope() {
        return new FastlogCapture(CaptureMode.TEST_SCOPE);
    }

    /** For {@code @RegisterExtension}: each test sees every event written while it runs. */
    public static FastlogCapture timeWindow() {
        return new FastlogCapture(CaptureMode.TIME_WINDOW);
    }

    // ------------------------------------------------------------------------- lifecycle

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(KEY) != null) {
            return; // registered twice (an annotation and a field): one capture per test
        }
        TestCapture capture = CaptureHub.global().open(modeFor(context), name(context), this);
        store.put(KEY, capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestCapture capture = store.get(KEY, TestCapture.class);
        if (capture == null || capture.owner() != this) {
            return;
        }
        store.remove(KEY);
        List<String> problems = CaptureHub.global().close(capture);
        if (!problems.isEmpty()) {
            throw new AssertionError("fastlog-test: " + String.join("\n", problems));
        }
    }

    private CaptureMode modeFor(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            CaptureLogs onMethod = method.get().getAnnotation(CaptureLogs.class);
            if (onMethod != null) {
                return onMethod.value();
            }
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            CaptureLogs onClass = annotation(c);
            if (onClass != null) {
                return onClass.value();
            }
        }
        return defaultMode;
    }

    private static CaptureLogs annotation(AnnotatedElement element) {
        return element.getAnnotation(CaptureLogs.class);
    }

    private static String name(ExtensionContext context) {
        String cls = context.getTestClass().map(Class::getSimpleName).orElse("?");
        String method = context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
        String display = context.getDisplayName();
        return display.equals(method + "()") || display.startsWith(method + "(") ? cls + "." + display
                : cls + "." + method + " [" + display + "]";
    }

    // ------------------------------------------------------------------------- scope

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        inScope(invocation, extensionContext);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        inScope(invocation, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        inScope(invocation, extensionContext);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        return inScope(invocation, extensionContext);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        inScope(invocation, extensionContext); // the factory's capture (the store is inherited)
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        inScope(invocation, extensionContext);
    }

    private <T> T inScope(Invocation<T> invocation, ExtensionContext context) throws Throwable {
        TestCapture capture = context.getStore(NAMESPACE).get(KEY, TestCapture.class);
        if (capture == null || capture.owner() != this) {
            return invocation.proceed();
        }
        return capture.scope().call(invocation::proceed);
    }

    // ------------------------------------------------------------------------- parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() != CapturedLogs.class) {
            return false;
        }
        TestCapture capture = extensionContext.getStore(NAMESPACE).get(KEY, TestCapture.class);
        return capture == null || capture.owner() == this; // registered twice: one of them resolves
    }

    @Override
    public CapturedLogs resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestCapture capture = extensionContext.getStore(NAMESPACE).get(KEY, TestCapture.class);
        if (capture == null) {
            throw new ParameterResolutionException("fastlog-test captures per test: a CapturedLogs parameter is allowed on "
                    + "@Test, @RepeatedTest, @ParameterizedTest, @TestFactory, @BeforeEach and @AfterEach methods, not on "
                    + parameterContext.getDeclaringExecutable());
        }
        return new CapturedLogs(capture);
    }
}
