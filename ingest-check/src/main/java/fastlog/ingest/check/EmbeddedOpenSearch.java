package fastlog.ingest.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One OpenSearch node in this JVM: HTTP and transport on 127.0.0.1, ephemeral ports, data under a
 * directory the caller owns. {@code Node}'s constructor that takes class-path plugins is protected
 * (the test framework's MockNode uses it the same way), so a tiny subclass is all that is needed;
 * no test framework jar, no distribution, no bootstrap checks (docs/dev/opensearch-recipe.md).
 */
final class EmbeddedOpenSearch implements AutoCloseable {

    private static final class PluginNode extends Node {
        PluginNode(Environment env, List<PluginInfo> plugins) {
            super(env, plugins, true);
        }
    }

    private final Node node;
    private final int httpPort;

    private EmbeddedOpenSearch(Node node, int httpPort) {
        this.node = node;
        this.httpPort = httpPort;
    }

    /**
     * Starts the node, waiting at most {@code timeout}. On failure or timeout the node, if it was
     * built, is closed before this throws.
     */
    static EmbeddedOpenSearch start(Path home, Duration timeout) throws Exception {
        Node[] built = new Node[1];
        FutureTask<EmbeddedOpenSearch> task = new FutureTask<>(() -> {
            Node node = new PluginNode(environment(home), List.of(classpathPlugin(Netty4ModulePlugin.class)));
            built[0] = node;
            node.start();
            int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
            return new EmbeddedOpenSearch(node, port);
        });
        Thread starter = new Thread(task, "opensearch-start");
        starter.setDaemon(true);
        starter.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            task.cancel(true);
            Node node = built[0];
            if (node != null) {
                try {
                    node.close();
                } catch (IOException | RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            if (e instanceof TimeoutException) {
                throw new IllegalStateException("OpenSearch did not start within " + timeout.toSeconds() + " s", e);
            }
            throw e instanceof ExecutionException ee && ee.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Environment environment(Path home) {
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "fastlog-ingest-check")
                .put("node.name", "check-0")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // never turn indices read-only because of the host's disk level
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("node.processors", 2)
                .build();
        return InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "check-0");
    }

    /** The 9-argument constructor MockNode uses for class-path plugins. */
    private static PluginInfo classpathPlugin(Class<?> c) {
        return new PluginInfo(c.getName(), "classpath plugin", "NA", Version.CURRENT, "21",
                c.getName(), null, List.of(), false);
    }

    int httpPort() {
        return httpPort;
    }

    static String version() {
        return Version.CURRENT.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        node.close();
        if (!node.awaitClose(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("OpenSearch did not close within 30 s");
        }
    }
}
