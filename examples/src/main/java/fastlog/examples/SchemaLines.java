package fastlog.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import fastlog.api.Fastlog;
import fastlog.api.Logger;
import fastlog.api.Schema;

/**
 * Prints one line per schema preset for the same call, {@code log.info("user login", "user_id", 48213)}
 * by logger {@code auth} of service {@code checkout} 1.4.2 in {@code production} (node {@code pod-7}),
 * and, with {@code --exception}, one {@code log.error("payment failed", e)} line per preset. README's
 * example lines come from this program ({@code make schema-examples}).
 */
public final class SchemaLines {

    private SchemaLines() {
    }

    public static void main(String[] args) {
        boolean exception = args.length > 0 && args[0].equals("--exception");
        for (Schema schema : Schema.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Fastlog.configure().schema(schema).output(out)
                    .serviceName("checkout").serviceVersion("1.4.2").serviceEnvironment("production")
                    .serviceNodeName("pod-7")
                    .apply();
            Logger log = Fastlog.logger("auth");
            if (exception) {
                log.error("payment failed", new IllegalStateException("card declined"));
            } else {
                log.info("user login", "user_id", 48213);
            }
            Fastlog.shutdown();
            System.out.print(schema.name().toLowerCase() + ": " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
