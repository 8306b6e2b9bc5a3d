/**
 * fastlog-slf4j: an SLF4J 2 provider for fastlog. Put the jar beside {@code slf4j-api}: SLF4J
 * finds it with {@code ServiceLoader} (module path: the {@code provides} below; class path:
 * {@code META-INF/services}), or names it with
 * {@code -Dslf4j.provider=fastlog.slf4j.FastlogServiceProvider}. Applications need not require
 * this module.
 *
 * <p>{@code fastlog.slf4j} is exported because SLF4J instantiates the provider reflectively for
 * {@code -Dslf4j.provider} and calls {@code log(LoggingEvent)} reflectively when it replays
 * events logged while it was initializing.
 */
module fastlog.slf4j {
    requires fastlog;
    requires org.slf4j;

    exports fastlog.slf4j;

    provides org.slf4j.spi.SLF4JServiceProvider with fastlog.slf4j.FastlogServiceProvider;
}
