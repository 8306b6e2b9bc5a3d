package fastlog.testapps;

import fastlog.api.TraceContextProvider;

/** Trace context providers that child JVMs find through a generated META-INF/services file. */
public final class TestTraceProviders {

    /** Whether Working's span is active (the child program is single-threaded). */
    static volatile boolean active;

    private TestTraceProviders() {
    }

    /** Ids when {@link #active}: trace 11…11, span 22…22, sampled. */
    public static final class Working implements TraceContextProvider<String> {
        @Override
        public String current() {
            return active ? "working" : null;
        }

        @Override
        public String traceId(String span) {
            return "11111111111111111111111111111111";
        }

        @Override
        public String spanId(String span) {
            return "2222222222222222";
        }

        @Override
        public int traceFlags(String span) {
            return 1;
        }
    }

    /** Ids when {@link #active}: trace aa…aa, span bb…bb, not sampled. */
    public static final class Other implements TraceContextProvider<String> {
        @Override
        public String current() {
            return active ? "other" : null;
        }

        @Override
        public String traceId(String span) {
            return "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        }

        @Override
        public String spanId(String span) {
            return "bbbbbbbbbbbbbbbb";
        }

        @Override
        public int traceFlags(String span) {
            return 0;
        }
    }

    /** Cannot be instantiated: ServiceLoader reports it, fastlog skips it. */
    public static final class ThrowingConstructor implements TraceContextProvider<String> {
        public ThrowingConstructor() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public String current() {
            return null;
        }

        @Override
        public String traceId(String span) {
            return null;
        }

        @Override
        public String spanId(String span) {
            return null;
        }

        @Override
        public int traceFlags(String span) {
            return 0;
        }
    }
}
