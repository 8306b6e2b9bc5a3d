package fastlog.ingest.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code fastlog.ingest.generator.EventGenerator} in its own JVM, with only fastlog (and the
 * OpenTelemetry SDK) on its class path, its stdout into the lines file. The JVM is killed if it
 * outlives the timeout.
 */
final class GeneratorRun {

    private GeneratorRun() {
    }

    /**
     * The generator's command line; {@code schema} ecs adds {@code -Dfastlog.schema=ecs}, the setting
     * users use. Thread name and caller location are on.
     */
    static List<String> command(String java, String classPath, List<String> jvmOptions, String schema, String trace,
                                Path manifest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        if (schema.equals("ecs")) {
            cmd.add("-Dfastlog.schema=ecs");
        }
        // the optional per-event fields on, so that their ECS fields (process.thread.name,
        // log.origin.*) are indexed too and their names reserved (issue 14 section 1)
        cmd.add("-Dfastlog.threadName=true");
        cmd.add("-Dfastlog.callerLocation=true");
        cmd.addAll(List.of("-cp", classPath, "fastlog.ingest.generator.EventGenerator",
                "--manifest", manifest.toString(), "--trace", trace, "--schema", schema));
        return cmd;
    }

    static void run(List<String> command, Path stdout, Path stderr, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // service identity from the variables users already set (issue 14): service.name in ecs
        pb.environment().put("OTEL_SERVICE_NAME", "fastlog-ingest-check");
        pb.environment().put("OTEL_RESOURCE_ATTRIBUTES", "service.version=0.1.0,deployment.environment=check");
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("the generator JVM did not finish within " + timeout.toSeconds() + " s; killed");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the generator JVM exited with " + p.exitValue() + "; its stderr is in " + stderr);
        }
    }
}
