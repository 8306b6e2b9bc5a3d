package fastlog.internal.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file-system calls a rolling file makes, behind one seam so that tests can make a rename,
 * an open or a compression fail on demand (the tests run as root, whom a read-only directory
 * does not stop). Production uses {@link #SYSTEM}.
 */
public interface FileOps {

    /** Opens {@code file} for appending, creating it if needed. */
    FileChannel openAppend(Path file) throws IOException;

    /** Renames {@code from} to {@code to}; fails if {@code to} exists. */
    void move(Path from, Path to) throws IOException;

    /** A new file to write a compressed copy into; fails if it exists. */
    OutputStream create(Path file) throws IOException;

    FileOps SYSTEM = new FileOps() {
        @Override
        public FileChannel openAppend(Path file) throws IOException {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Files.move(from, to);
        }

        @Override
        public OutputStream create(Path file) throws IOException {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    };
}
