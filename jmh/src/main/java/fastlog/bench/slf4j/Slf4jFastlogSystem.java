package fastlog.bench.slf4j;

import java.nio.file.Path;

import fastlog.bench.systems.BenchSystem;

/**
 * fastlog-slf4j in front of fastlog configured exactly as the other benchmarks configure it
 * ({@code FastlogSystem}: defaults, {@code .output(new FileOutputStream(file))}); this class
 * delegates the configuration, the drain ({@code Fastlog.flush()}) and the check after every
 * iteration (nothing dropped or lost, no failed write, nothing staged, and exactly as many new
 * lines in the file as fastlog wrote and, in the caller-cost benchmark, as were logged) to it.
 * fastlog is configured before SLF4J binds, so the SLF4J loggers use that pipeline.
 */
final class Slf4jFastlogSystem extends Slf4jSystem {

    private final BenchSystem fastlog = BenchSystem.named("fastlog");

    @Override
    String name() {
        return "fastlog";
    }

    @Override
    void start(Path file) {
        fastlog.start(file);
        bind("fastlog.slf4j.FastlogServiceProvider", "fastlog.slf4j.FastlogLoggerFactory",
                "fastlog.slf4j.FastlogLogger", "fastlog.slf4j.FastlogMDCAdapter");
    }

    @Override
    void drain() {
        fastlog.drain();
    }

    @Override
    void stop() {
        fastlog.stop();
    }

    @Override
    void checkAfterDrain(long expectedEvents) {
        fastlog.checkAfterDrain(expectedEvents);
    }
}
