package fastlog.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The optional {@code fastlog.properties}: at the path given by {@code -Dfastlog.config} /
 * {@code FASTLOG_CONFIG} if set, else the first {@code fastlog.properties} at the root of the
 * class path (or module path), else none. Read as UTF-8 in {@link Properties} syntax. Its keys
 * are the option keys, with or without the {@code fastlog.} prefix.
 */
final class PropertiesFile {

    static final String RESOURCE = "fastlog.properties";
    static final String PREFIX = "fastlog.";

    /** The file's entries by key without the prefix, sorted (so warnings come in a stable order). */
    final Map<String, Entry> entries;
    /** Where it was read from, or null if none was. */
    final String location;

    private PropertiesFile(Map<String, Entry> entries, String location) {
        this.entries = entries;
        this.location = location;
    }

    static final PropertiesFile NONE = new PropertiesFile(Map.of(), null);

    /**
     * @param explicit the path from {@code fastlog.config}, or null to look on the class path
     * @param origin   where {@code explicit} came from, for the warning if it cannot be read
     */
    static PropertiesFile load(Entry explicit, ClassLoader loader, Warnings warnings) {
        if (explicit != null) {
            Path path;
            try {
                path = Path.of(explicit.value().trim());
            } catch (RuntimeException e) {
                warnings.ignoring(explicit, "not a file path (" + e.getMessage() + ")");
                return NONE;
            }
            try (InputStream in = Files.newInputStream(path)) {
                return read(in, path.toAbsolutePath().toString(), warnings);
            } catch (IOException | RuntimeException e) {
                warnings.print("cannot read " + path.toAbsolutePath() + " (" + explicit.name() + "): " + e
                        + "; going on without it");
                return NONE;
            }
        }
        List<URL> found = find(loader);
        if (found.isEmpty()) {
            return NONE;
        }
        URL url = found.get(0);
        if (found.size() > 1) {
            warnings.print(found.size() + " " + RESOURCE + " files on the class path; using " + url
                    + " and ignoring " + found.subList(1, found.size()));
        }
        try (InputStream in = url.openStream()) {
            return read(in, url.toString(), warnings);
        } catch (IOException | RuntimeException e) {
            warnings.print("cannot read " + url + ": " + e + "; going on without it");
            return NONE;
        }
    }

    /** Each distinct location once: a directory both patched into a module and on the class path is one file. */
    private static List<URL> find(ClassLoader loader) {
        try {
            ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
            Map<String, URL> distinct = new LinkedHashMap<>();
            for (URL url : Collections.list(l.getResources(RESOURCE))) {
                distinct.putIfAbsent(url.toString(), url);
            }
            return new ArrayList<>(distinct.values());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static PropertiesFile read(InputStream in, String where, Warnings warnings) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Entry> entries = new TreeMap<>();
        List<String> names = new ArrayList<>(p.stringPropertyNames());
        Collections.sort(names);
        for (String name : names) {
            String key = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
            Entry e = new Entry(name, p.getProperty(name), where);
            Entry before = entries.put(key, e);
            if (before != null) {
                Entry kept = name.startsWith(PREFIX) ? e : before;
                entries.put(key, kept);
                warnings.ignoring(kept == e ? before : e, "also given as " + kept.name());
            }
        }
        return new PropertiesFile(entries, where);
    }
}
