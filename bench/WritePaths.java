import java.io.FileOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 16's "a direct ByteBuffer or FileChannel write instead of a stream copy", measured: the
 * writer's 1 MiB writes of 131-byte lines to a file three ways, CPU time of the writing thread per
 * line. {@code stream} is what fastlog does ({@code FileOutputStream.write}: JNI copies the heap
 * array, then write(2)); {@code channel-wrap} is {@code FileChannel.write} of a wrapped heap array
 * (NIO copies it into a cached direct buffer); {@code channel-direct} copies into a direct buffer
 * fastlog would own. Run: {@code java bench/WritePaths.java [dir]}.
 */
public class WritePaths {
    private static final int WRITES = 2000;

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[1 << 20];
        int lines = 0;
        for (int i = 0; i < data.length; i++) {
            boolean newline = i % 131 == 130;
            data[i] = (byte) (newline ? '\n' : 'a');
            lines += newline ? 1 : 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path file = Files.createTempFile(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")),
                "write-paths", ".ndjson");
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        try {
            for (int round = 0; round < 6; round++) {
                for (String mode : new String[] {"stream", "channel-wrap", "channel-direct"}) {
                    try (FileOutputStream out = new FileOutputStream(file.toFile())) {
                        FileChannel channel = out.getChannel();
                        long cpu = threads.getCurrentThreadCpuTime();
                        for (int i = 0; i < WRITES; i++) {
                            if (i % 256 == 0) { // keep the file at most 256 MiB
                                channel.truncate(0);
                                channel.position(0);
                            }
                            switch (mode) {
                                case "stream" -> out.write(data, 0, data.length);
                                case "channel-wrap" -> {
                                    ByteBuffer b = ByteBuffer.wrap(data);
                                    while (b.hasRemaining()) {
                                        channel.write(b);
                                    }
                                }
                                default -> {
                                    direct.clear().put(data).flip();
                                    while (direct.hasRemaining()) {
                                        channel.write(direct);
                                    }
                                }
                            }
                        }
                        double perLine = (threads.getCurrentThreadCpuTime() - cpu) / (double) WRITES / lines;
                        System.out.printf("round %d %-15s %.1f CPU ns per line%n", round, mode, perLine);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
