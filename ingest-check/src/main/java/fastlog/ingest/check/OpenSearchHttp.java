package fastlog.ingest.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * The node's REST API over loopback HTTP/1.1 with the JDK's client; responses are parsed with
 * OpenSearch's own JSON reader, already on the class path. A response of 300 or more is an error.
 */
final class OpenSearchHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    OpenSearchHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Map<String, Object> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Map<String, Object> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, "application/json");
    }

    Map<String, Object> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, json == null ? null : "application/json");
    }

    /** One {@code _bulk} request: a {@code create} action before each line. */
    Map<String, Object> bulk(String index, List<String> lines) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append("{\"create\":{}}\n").append(line).append('\n');
        }
        return send("POST", "/" + index + "/_bulk", body.toString(), "application/x-ndjson");
    }

    private Map<String, Object> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", contentType);
        }
        HttpResponse<String> rsp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (rsp.statusCode() >= 300) {
            throw new IOException("HTTP " + rsp.statusCode() + " for " + method + " " + path + ": " + rsp.body());
        }
        return XContentHelper.convertToMap(JsonXContent.jsonXContent, rsp.body(), true);
    }
}
