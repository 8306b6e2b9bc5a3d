package fastlog.ingest.check;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run's record, {@code ingest-check/results/ingest-<date>.json}: git revision, date, machine,
 * command, OpenSearch version, counts, timings and every check. README quotes figures from it.
 */
final class ResultsFile {

    private ResultsFile() {
    }

    static Path write(Path dir, Instant started, Map<String, Object> body) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(started);
        Path file = dir.resolve("ingest-" + stamp + ".json");
        StringBuilder b = new StringBuilder();
        json(body, b, "");
        Files.writeString(file, b.append('\n'), StandardCharsets.UTF_8);
        return file;
    }

    /** Revision of the repository {@code repo} (with {@code +dirty} when the work tree has changes), or "unknown". */
    static Map<String, Object> revision(Path repo) {
        Map<String, Object> m = new LinkedHashMap<>();
        String head = git(repo, "rev-parse", "HEAD");
        String status = git(repo, "status", "--porcelain", "--untracked-files=no");
        m.put("revision", head == null ? "unknown" : head.strip());
        m.put("dirty", status != null && !status.isBlank());
        return m;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("host", InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            m.put("host", "unknown");
        }
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("check_jvm_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        m.put("load_average_1m", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    private static String git(Path repo, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = repo.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** A small JSON writer for maps, collections, strings, numbers, booleans and null; two-space indent. */
    static void json(Object v, StringBuilder b, String indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(sep).append(indent).append("  ");
                string(String.valueOf(e.getKey()), b);
                b.append(": ");
                json(e.getValue(), b, indent + "  ");
                sep = ",\n";
            }
            b.append('\n').append(indent).append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            String sep = "";
            for (Object o : c) {
                b.append(sep).append(indent).append("  ");
                json(o, b, indent + "  ");
                sep = ",\n";
            }
            b.append('\n').append(indent).append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v == null) {
            b.append("null");
        } else {
            string(v.toString(), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7f || ch == 0x2028 || ch == 0x2029 || Character.isSurrogate(ch)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}
