package fastlog.internal.pipeline;

import fastlog.internal.ambient.CallerLocation;
import fastlog.internal.ambient.TraceSource;
import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ContextSlots;
import fastlog.internal.context.ContextStore;
import fastlog.internal.context.FallbackContextStore;
import fastlog.internal.context.ThreadFieldsFrame;
import fastlog.internal.context.ThreadFieldsStore;
import fastlog.internal.record.Capture;
import fastlog.internal.record.MessageArgs;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.RecordProtocol;
import fastlog.internal.value.ImmutableTypes;
import fastlog.internal.value.Text;

/**
 * Loads and initializes, when a pipeline starts, the classes the logging path uses, rather than
 * leaving them to the first logging calls. Loading a class holds a lock inside a VM call, and a
 * virtual thread that waits for it there is pinned to its carrier: NoPinningTest caught a logging
 * virtual thread pinned in {@code ClassLoader.loadClass} under {@code EventAppender.putTrailers},
 * when compiled code met a parameter type ({@link CallerLocation}, {@link ThreadFieldsFrame}) that
 * no call had loaded yet. Initializing them here also keeps a first call at the edge of a thread's
 * stack from failing a class's initialization for good (StackExhaustionTest: the context store
 * failed so, and with it every later call on the fallback).
 */
final class FirstCallClasses {

    /** The classes of EventAppender's signatures and of what its producers call. */
    private static final Class<?>[] CLASSES = {
        CallerLocation.class, TraceSource.class, ContextFrame.class, ContextStore.class, ContextSlots.class,
        FallbackContextStore.class, ThreadFieldsFrame.class, ThreadFieldsStore.class, Capture.class, MessageArgs.class, RecordLayout.class, RecordProtocol.class,
        ImmutableTypes.class, Text.class, EpochClock.class, FullQueueHandler.class, WideEvents.class,
    };

    private FirstCallClasses() {
    }

    /** Initializes every class above (a class literal alone loads but does not initialize). */
    static void load() {
        for (Class<?> c : CLASSES) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("fastlog's own class is missing: " + c.getName(), e);
            }
        }
    }
}
