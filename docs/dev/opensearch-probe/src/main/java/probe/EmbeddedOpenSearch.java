package probe;

import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single OpenSearch node in this JVM, HTTP on 127.0.0.1 (ephemeral port).
 *
 * Node's constructor that takes class-path plugins is protected (that is how the test
 * framework's MockNode passes plugins), so a tiny subclass is all that is needed; the
 * test framework jar itself is not required.
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

    private static final class PluginNode extends Node {
        PluginNode(Environment env, List<PluginInfo> plugins) {
            super(env, plugins, true);
        }
    }

    private static PluginInfo classpathPlugin(Class<?> c) {
        // same 9-argument constructor MockNode uses for class-path plugins
        return new PluginInfo(c.getName(), "classpath plugin", "NA", Version.CURRENT, "21",
                c.getName(), null, List.of(), false);
    }

    private final Node node;
    private final int httpPort;

    public EmbeddedOpenSearch(Path home) throws Exception {
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
                // keep the node small: 2 cores here
                .put("node.processors", 2)
                .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "check-0");
        node = new PluginNode(env, List.of(classpathPlugin(Netty4ModulePlugin.class)));
        node.start();
        httpPort = node.injector().getInstance(HttpServerTransport.class)
                .boundAddress().publishAddress().getPort();
    }

    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        node.close();
        if (!node.awaitClose(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node did not close within 30 s");
        }
    }
}
