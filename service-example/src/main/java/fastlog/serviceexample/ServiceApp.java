package fastlog.serviceexample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import fastlog.api.Fastlog;
import fastlog.api.LogContext;
import fastlog.api.Logger;
import fastlog.jdk.FastlogJul;

/**
 * Jetty 12 on 127.0.0.1 (an ephemeral port) serving on virtual threads; the JDK's HttpClient sends
 * it {@code requests} requests. Each request is handled with an SLF4J MDC entry and a fastlog
 * scope, and logs one event through each API: SLF4J, fastlog.api, java.util.logging and
 * System.Logger. Jetty itself logs its start and stop through SLF4J, and the HttpClient its
 * requests through System.Logger (with {@code -Djdk.httpclient.HttpClient.log=requests}).
 * Everything goes to stdout as one NDJSON stream; nothing else is printed there.
 *
 * <p>Usage: {@code ServiceApp [requests]} (default 20).
 */
public final class ServiceApp {

    private static final Logger LOG = Fastlog.logger("app.service");
    private static final org.slf4j.Logger SLF4J = LoggerFactory.getLogger("app.handler");
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("app.jul");
    private static final System.Logger SYSTEM = System.getLogger("app.system");

    private ServiceApp() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        FastlogJul.install();
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                serve(path);
                response.setStatus(200);
                Content.Sink.write(response, true, "ok " + path, callback);
                return true;
            }
        });
        server.start();
        LOG.info("service started", "port", connector.getLocalPort());
        int port = connector.getLocalPort();
        try (HttpClient client = HttpClient.newHttpClient();
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                URI uri = URI.create("http://127.0.0.1:" + port + "/orders/" + i);
                results.add(callers.submit(() -> client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()));
            }
            int ok = 0;
            for (Future<Integer> r : results) {
                ok += r.get() == 200 ? 1 : 0;
            }
            LOG.info("requests done", "ok", ok, "requests", requests);
        }
        server.stop();
        LOG.info("service stopped");
        // No flush here: the JVM's shutdown hook writes everything that was logged.
    }

    /** One request, on its Jetty virtual thread: four events, one per logging API, in this order. */
    private static void serve(String path) {
        String requestId = "req-" + path.substring(path.lastIndexOf('/') + 1);
        MDC.put("request_id", requestId);
        try {
            LogContext.where("route", "/orders/{id}").run(() -> {
                SLF4J.info("handling {} on virtual={}", path, Thread.currentThread().isVirtual());
                LOG.info("order looked up", "path", path, "step", 2);
                JUL.log(java.util.logging.Level.INFO, "order {0} served", path);
                SYSTEM.log(System.Logger.Level.INFO, "response for {0} sent", path);
            });
        } finally {
            MDC.remove("request_id");
        }
    }
}
