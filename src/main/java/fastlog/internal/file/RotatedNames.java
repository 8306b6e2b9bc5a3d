package fastlog.internal.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How rotated files are named, and finding them again. The active file {@code app.log} is
 * renamed to {@code app-2026-11-30.1.log}: the date (in the configured zone) of the last line
 * written to it, then a counter that starts at 1 each day and only grows, so that sorting by
 * (date, counter) sorts by age. Compressed, it becomes {@code app-2026-11-30.1.log.gz}; while it
 * is being compressed, {@code app-2026-11-30.1.log.gz.tmp}. The extension is what follows the
 * last dot of the name ({@code .log}); a name without one ({@code app}) gives
 * {@code app-2026-11-30.1}.
 */
public final class RotatedNames {

    static final String GZ = ".gz";
    static final String TMP = ".tmp";

    private final Path dir;
    private final String stem;
    private final String extension;
    private final Pattern pattern;

    public RotatedNames(Path active) {
        Path abs = active.toAbsolutePath();
        this.dir = abs.getParent();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.pattern = Pattern.compile(Pattern.quote(stem) + "-(\\d{4}-\\d{2}-\\d{2})\\.(\\d{1,9})"
                + Pattern.quote(extension) + "(" + Pattern.quote(GZ) + ")?(" + Pattern.quote(TMP) + ")?");
    }

    /** A rotated file: {@code path} is the file as it is now (compressed or not). */
    public record Rotated(Path path, LocalDate day, int index, boolean gzipped) {
    }

    public Path directory() {
        return dir;
    }

    /** The uncompressed name of the {@code index}-th file rotated on {@code day}. */
    public Path rotated(LocalDate day, int index) {
        return dir.resolve(stem + "-" + day + "." + index + extension);
    }

    static Path gzipped(Path rotated) {
        return rotated.resolveSibling(rotated.getFileName() + GZ);
    }

    static Path tmp(Path gzipped) {
        return gzipped.resolveSibling(gzipped.getFileName() + TMP);
    }

    /** The rotated files in the directory, oldest first; {@code tmpOut}, if given, gets the left-over temporary files. */
    public List<Rotated> list(List<Path> tmpOut) throws IOException {
        List<Rotated> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                if (m.group(4) != null) {
                    if (tmpOut != null && m.group(3) != null) {
                        tmpOut.add(p);
                    }
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(m.group(1));
                } catch (RuntimeException notADate) {
                    continue;
                }
                found.add(new Rotated(p, day, Integer.parseInt(m.group(2)), m.group(3) != null));
            }
        }
        found.sort(OLDEST_FIRST);
        return Collections.unmodifiableList(found);
    }

    /** The highest counter used on {@code day} (0 if none). */
    public int lastIndex(LocalDate day) throws IOException {
        int max = 0;
        for (Rotated r : list(null)) {
            if (r.day().equals(day)) {
                max = Math.max(max, r.index());
            }
        }
        return max;
    }

    private static final java.util.Comparator<Rotated> OLDEST_FIRST = java.util.Comparator
            .comparing(Rotated::day).thenComparingInt(Rotated::index).thenComparing(Rotated::gzipped);
}
