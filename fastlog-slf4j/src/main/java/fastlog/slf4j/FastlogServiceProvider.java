package fastlog.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider: SLF4J loggers log through fastlog ({@link FastlogLogger}), the MDC is
 * fastlog's per-thread fields ({@link FastlogMDCAdapter} over {@code fastlog.api.ThreadFields}),
 * markers are SLF4J's own {@link BasicMarkerFactory} markers. SLF4J finds this class through
 * {@code ServiceLoader}, or by name with {@code -Dslf4j.provider=fastlog.slf4j.FastlogServiceProvider}.
 *
 * <p>Nothing here logs, and nothing starts fastlog's writer: that happens on the first event.
 */
public final class FastlogServiceProvider implements SLF4JServiceProvider {

    /**
     * The SLF4J API version this provider is written against. Not final, as in Logback and
     * slf4j-simple, so that the compiler does not fold it into callers.
     */
    public static String REQUESTED_API_VERSION = "2.0.99";

    // SLF4J asks for the MDC adapter before initialize() (LoggerFactory.earlyBindMDCAdapter):
    // everything is made here.
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new FastlogMDCAdapter();
    private final ILoggerFactory loggerFactory = new FastlogLoggerFactory();

    /** Called by SLF4J (ServiceLoader or {@code -Dslf4j.provider}). */
    public FastlogServiceProvider() {
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        // Everything was made by the constructor; fastlog itself starts on the first event.
    }
}
