package fastlog.otel.apps;

import fastlog.api.Fastlog;
import fastlog.api.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

/**
 * Child-JVM program (its own package: on the module path, package fastlog.otel belongs to module
 * fastlog.otel): logs one line outside a span and one inside a span with the ids given as
 * arguments. Needs only the OpenTelemetry API, no SDK.
 */
public final class SpanApp {

    public static void main(String[] args) {
        Logger log = Fastlog.logger("otel.app");
        log.info("outside");
        SpanContext context = SpanContext.create(args[0], args[1], TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            log.info("inside");
        }
        Fastlog.flush();
    }
}
