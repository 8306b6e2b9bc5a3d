package fastlog.api;

import fastlog.internal.pipeline.EventAppender;
import fastlog.internal.record.LoggerCore;

/**
 * Lets the jcstress tests start a real {@link EventBuilder} on their own pipeline
 * ({@code TestPipeline}) instead of the global one {@code Logger.atInfo()} uses. In package
 * {@code fastlog.api} because the factory is package-private; the tests run on the class path,
 * where a package may span two jars.
 */
public final class BuilderAccess {

    private BuilderAccess() {
    }

    public static EventBuilder start(EventAppender appender, LoggerCore core, int level) {
        return EventBuilder.start(appender, core, level);
    }
}
