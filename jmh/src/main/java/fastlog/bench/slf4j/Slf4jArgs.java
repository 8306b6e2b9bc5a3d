package fastlog.bench.slf4j;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The arguments of the SLF4J call shapes, read from fields so the JIT cannot fold them. */
@State(Scope.Benchmark)
public class Slf4jArgs {
    public int userId = 48213;
    public int status = 200;
    public String path = "/api/orders";
    public double ms = 12.5;
}
