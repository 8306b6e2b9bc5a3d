package fastlog.bench.jmh;

import java.lang.management.ManagementFactory;

/**
 * The calling thread's CPU time and allocation over one burst of calls, for the caller benchmarks'
 * aux counters ({@code callerCpuNanos}, {@code callerBytes}, {@code callerCalls}, which
 * {@code bench/run_bench.py} reads): {@link #mark} before the burst, {@link #take} after it. One
 * per benchmark thread, like the JMH state that holds it.
 */
public final class CallingThreadCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long bytesBefore;
    private long cpuBefore;
    /** The last burst's figures, valid when {@link #take} returned true. */
    public long bytes;
    public long cpuNanos;

    /** Before the burst, outside the measurement. */
    public void mark() {
        bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
        cpuBefore = THREADS.getCurrentThreadCpuTime();
    }

    /** After the burst: its {@link #bytes} and {@link #cpuNanos}. @return false if the JVM cannot tell (-1) */
    public boolean take() {
        long cpuAfter = THREADS.getCurrentThreadCpuTime();
        long bytesAfter = THREADS.getCurrentThreadAllocatedBytes();
        if (bytesBefore < 0 || bytesAfter < 0 || cpuBefore < 0 || cpuAfter < 0) {
            return false;
        }
        bytes = bytesAfter - bytesBefore;
        cpuNanos = cpuAfter - cpuBefore;
        return true;
    }
}
