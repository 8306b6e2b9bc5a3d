package jdkapp;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;

/**
 * Logs through java.util.logging and System.Logger, then serves one HTTP request on 127.0.0.1
 * with the JDK's HttpClient (which logs through System.Logger "jdk.httpclient.HttpClient" when
 * -Djdk.httpclient.HttpClient.log=requests). Reports on stderr with "CHILD key=value" lines.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("CHILD finder=" + System.LoggerFinder.getLoggerFinder().getClass().getName()
                + " module=" + Main.class.getModule().getName());

        Logger jul = Logger.getLogger("app.jul");
        jul.info("jul info");
        jul.log(Level.WARNING, "jul {0} of {1}", new Object[] {"one", 1234567});
        jul.fine("jul fine");
        jul.finest("jul finest"); // below .level=FINE: JUL drops it
        jul.log(Level.SEVERE, "jul failed", new IllegalStateException("boom"));
        Logger.getLogger("app.quiet").info("quiet info"); // app.quiet.level=WARNING
        Logger.getLogger("app.verbose").finer("verbose finer"); // below the handler's level
        Logger.getLogger("app.verbose").fine("verbose fine");
        jul.info("secret: dropped by the handler's filter");

        System.Logger sys = System.getLogger("app.system");
        sys.log(System.Logger.Level.INFO, "system {0}", 42);
        sys.log(System.Logger.Level.DEBUG, "system debug");
        sys.log(System.Logger.Level.TRACE, "system trace"); // below fastlog's level
        sys.log(System.Logger.Level.ERROR, "system failed", new IllegalArgumentException("bad"));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.err.println("CHILD status=" + response.statusCode() + " body=" + response.body() + " port=" + port);
        } finally {
            server.stop(0);
        }
        sys.log(System.Logger.Level.INFO, "done");
    }
}
