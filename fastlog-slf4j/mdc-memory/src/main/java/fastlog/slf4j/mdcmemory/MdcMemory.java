package fastlog.slf4j.mdcmemory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.management.ObjectName;

import org.slf4j.MDC;

/**
 * One measurement run: N virtual threads each do {@code MDC.put("request_id", "r-1")} and then
 * (mode {@code put-remove}) {@code MDC.remove("request_id")}, or keep the entry (mode
 * {@code put}), and park. Once every thread is WAITING: full GCs, the heap in use, and the class
 * histogram after a full GC ({@code GC.class_histogram}). Output on stdout, for run.py:
 * {@code PROVIDER <mdc adapter class>}, {@code HEAP <bytes used>}, then
 * {@code CLASS <name> <instances> <bytes>} per class. The SLF4J provider is chosen with
 * {@code -Dslf4j.provider}; the baseline is SLF4J's NOP provider doing the same calls.
 */
public final class MdcMemory {

    private static volatile boolean go;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        boolean remove = switch (mode) {
            case "put-remove" -> true;
            case "put" -> false;
            default -> throw new IllegalArgumentException("mode: put-remove or put");
        };
        // Warm the adapter on main (class loading, static state), leaving nothing behind.
        MDC.put("warm", "x");
        MDC.remove("warm");
        System.out.println("PROVIDER " + MDC.getMDCAdapter().getClass().getName());

        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                MDC.put("request_id", "r-1");
                if (remove) {
                    MDC.remove("request_id");
                }
                while (!go) {
                    LockSupport.park();
                }
            }));
        }
        // A counter bumped before parking is not enough: wait until every thread is parked.
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("HEAP ").append(used).append('\n');
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.append("CLASS ").append(f[3]).append(' ').append(f[1]).append(' ').append(f[2]).append('\n');
            }
        }
        System.out.print(out);
        System.out.flush();
        go = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
