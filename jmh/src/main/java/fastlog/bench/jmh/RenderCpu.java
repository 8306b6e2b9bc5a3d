package fastlog.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The measuring thread's CPU time over each iteration ({@code cpuNanos}) and the renders it made
 * ({@code renders}), for the render benchmarks: {@code cpuNanos / renders} is the CPU time per
 * render, steadier than wall time on a shared machine. bench/run_bench.py and bench/ab.py read
 * these two aux counters by name.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RenderCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public long cpuNanos;
    public long renders;
    private long start;

    @Setup(Level.Iteration)
    public void begin() {
        renders = 0;
        cpuNanos = 0;
        start = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void end() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
    }
}
