package fastlog.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs {@link KitOnly} example classes with JUnit's own engine, as a user's build would. */
final class Kit {

    static final String PARAMETER = "fastlog.test.kit";

    private Kit() {
    }

    /** Runs {@code example} sequentially (unless {@code parameters} say otherwise). */
    static EngineExecutionResults run(Class<?> example, Map<String, String> parameters) {
        EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(example))
                .configurationParameter(PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        parameters.forEach(b::configurationParameter);
        return b.execute();
    }

    static EngineExecutionResults run(Class<?> example) {
        return run(example, Map.of());
    }

    /** The failure of each failed test, in the order they finished. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(Kit::throwable)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Throwable> throwable(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    }
}
