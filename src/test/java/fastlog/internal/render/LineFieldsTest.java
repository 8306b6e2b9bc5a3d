package fastlog.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fastlog.internal.context.ContextFrame;
import fastlog.internal.context.ThreadFieldsFrame;
import fastlog.internal.context.ThreadFieldsStore;
import fastlog.internal.record.LevelSetting;
import fastlog.internal.record.LoggerCore;
import fastlog.internal.record.RecordLayout;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.record.RecordProtocol;

/**
 * The field order and precedence every line format shares, read from records laid out as the
 * pipeline stages them: per-thread, scoped, bound, call; a repeated key wins where it was last
 * given; message arguments and trailers are not fields.
 */
class LineFieldsTest {

    private static final ReservedKeys NAMES = new ReservedKeys("ts", "level", "logger", "msg");

    private final LineFields fields = new LineFields(new RenderedKeyCache(NAMES, 1000, Redaction.DEFAULT));

    /** A per-thread fields frame with these pairs, made through the real store and removed from this thread. */
    static ThreadFieldsFrame perThread(String... kv) {
        ThreadFieldsFrame before = ThreadFieldsStore.current();
        try {
            for (int i = 0; i < kv.length; i += 2) {
                ThreadFieldsStore.put(kv[i], kv[i + 1]);
            }
            return ThreadFieldsStore.current();
        } finally {
            ThreadFieldsStore.set(before);
        }
    }

    /** Records with {@code call} fields (key, tag, value triples) and the given trailers after them. */
    private static final class Rec {
        final long[] longs = new long[256];
        final Object[] refs = new Object[256];
        int fields;

        Rec(LoggerCore core, ContextFrame context) {
            refs[0] = core;
            refs[RecordLayout.contextSlot(0)] = context;
        }

        Rec field(String key, int tag, long bits, Object value) {
            RecordProtocol.putField(longs, refs, 0, fields++, key, tag, bits, value);
            return this;
        }

        Rec trailer(int tag, long bits, Object value) {
            RecordProtocol.putTrailer(longs, refs, 0, fields++, tag, null, bits, value);
            return this;
        }

        long header() {
            return RecordLayout.header(2, fields);
        }
    }

    /** The winning fields of the open record as "key=value" (call fields: the slot's long or ref). */
    private List<String> winners(Rec r) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < fields.count(); j++) {
            if (!fields.winners()[j]) {
                continue;
            }
            Object v;
            if (j >= fields.bound()) {
                int f = j - fields.first();
                int tag = (int) r.longs[RecordLayout.keySlot(0, f)];
                v = tag == RecordLayout.TAG_LONG ? (Object) r.longs[RecordLayout.valueSlot(0, f)]
                        : r.refs[RecordLayout.valueSlot(0, f)];
            } else {
                v = fields.frameValue(j);
            }
            out.add(fields.keys()[j].name + "=" + v);
        }
        return out;
    }

    @Test
    void perThreadThenScopedThenBoundThenCallEachKeyWhereItWasLastGiven() {
        LoggerCore core = new LoggerCore("t", new LevelSetting(2)).with("b", "bound").with("shared", "bound");
        ContextFrame context = ContextFrame.extend(null, new String[] {"s", "shared"}, new Object[] {"scoped", "scoped"});
        Rec r = new Rec(core, context)
                .field("c", RecordLayout.TAG_LONG, 7, null)
                .field("shared", RecordLayout.TAG_OBJECT, 0, "call")
                .trailer(RecordLayout.TAG_THREAD_FIELDS, 0, perThread("p", "thread", "shared", "thread", "s", "thread"));
        fields.open(r.longs, r.refs, 0, r.header(), 0);
        fields.renderKeys();
        fields.markWinners();
        assertEquals(List.of("p=thread", "s=scoped", "b=bound", "c=7", "shared=call"), winners(r));
        assertEquals(2, fields.trailersFrom());
        assertEquals(2, fields.trailersTo(), "the per-thread fields trailer is fields, not an ambient trailer");
    }

    @Test
    void messageArgumentsAndAmbientTrailersAreNotFields() {
        Rec r = new Rec(new LoggerCore("t", new LevelSetting(2)), null)
                .field(null, RecordLayout.TAG_ARG, 0, "arg0")
                .field(null, RecordLayout.TAG_ARG, 0, "arg1")
                .field("k", RecordLayout.TAG_OBJECT, 0, "v")
                .trailer(RecordLayout.TAG_THREAD, 42, "worker-1")
                .trailer(RecordLayout.TAG_CALLER, 0, "caller")
                .trailer(RecordLayout.TAG_THREAD_FIELDS, 0, perThread("p", "1"));
        fields.open(r.longs, r.refs, 0, r.header(), 2);
        fields.renderKeys();
        fields.markWinners();
        assertEquals(List.of("p=1", "k=v"), winners(r));
        assertEquals(3, fields.trailersFrom());
        assertEquals(5, fields.trailersTo());
    }

    @Test
    void aRecordWithOnlyMessageArgumentsHasNoFieldsEvenIfAnArgumentLooksLikeATrailer() {
        Rec r = new Rec(new LoggerCore("t", new LevelSetting(2)), null)
                .field(null, RecordLayout.TAG_ARG, 0, "arg0");
        fields.open(r.longs, r.refs, 0, r.header(), 1);
        fields.renderKeys();
        fields.markWinners();
        assertEquals(List.of(), winners(r));
        assertEquals(fields.trailersFrom(), fields.trailersTo());
    }

    @Test
    void manyRepeatedKeysUseTheIndexAndStillKeepTheLastValue() {
        Rec r = new Rec(new LoggerCore("t", new LevelSetting(2)), null);
        for (int i = 0; i < 40; i++) {
            r.field("k" + (i % 5), RecordLayout.TAG_LONG, i, null); // beyond the linear scan's limit
        }
        fields.open(r.longs, r.refs, 0, r.header(), 0);
        fields.renderKeys();
        fields.markWinners();
        assertEquals(List.of("k0=35", "k1=36", "k2=37", "k3=38", "k4=39"), winners(r));
    }

    @Test
    void objectValueIsTheRefOnlyForObjectCallFields() {
        LoggerCore core = new LoggerCore("t", new LevelSetting(2)).with("b", "bound");
        RuntimeException e = new RuntimeException("x");
        Rec r = new Rec(core, null)
                .field("n", RecordLayout.TAG_LONG, 5, "not the value")
                .field("exception", RecordLayout.TAG_OBJECT, 0, e);
        fields.open(r.longs, r.refs, 0, r.header(), 0);
        fields.renderKeys();
        fields.markWinners();
        assertEquals("bound", fields.objectValue(0));
        assertEquals(1, fields.bound(), "index 0 is the bound field, 1 and 2 the call's");
        assertNull(fields.objectValue(1));
        assertEquals(e, fields.objectValue(2));
    }

    @Test
    void closeKeepsNoUserObjectAndTheNextRecordStartsClean() {
        Rec first = new Rec(new LoggerCore("t", new LevelSetting(2)).with("a", 1), null)
                .field("x", RecordLayout.TAG_OBJECT, 0, Map.of("big", "value"));
        fields.open(first.longs, first.refs, 0, first.header(), 0);
        fields.renderKeys();
        fields.markWinners();
        fields.close();
        Rec second = new Rec(new LoggerCore("t", new LevelSetting(2)), null)
                .field("y", RecordLayout.TAG_LONG, 1, null);
        fields.open(second.longs, second.refs, 0, second.header(), 0);
        fields.renderKeys();
        fields.markWinners();
        assertEquals(List.of("y=1"), winners(second));
    }
}
