package probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Approach (b): the node in its own JVM. Usage: ServeNode HOME_DIR PORT_FILE
 * Writes the HTTP port to PORT_FILE once the node is started; SIGTERM/SIGINT close it cleanly.
 */
public final class ServeNode {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path portFile = Path.of(args[1]);
        Files.createDirectories(home);
        EmbeddedOpenSearch node = new EmbeddedOpenSearch(home);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                System.err.println("node closed");
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }));
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, node.httpPort() + "\n");
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("node started, http port " + node.httpPort());
        closed.await();
    }
}
