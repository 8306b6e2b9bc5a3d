package fastlog.ingest.generator;

import java.util.List;

/**
 * Input that fastlog writes as valid JSON but that OpenSearch (and Elasticsearch) refuse by their
 * own field rules, whatever the logger: an empty key, a key that is only a dot or has an empty
 * segment, a metadata field name, a dotted path deeper than the index allows, and an array that
 * mixes numbers and strings. Their case names start with {@link Events#LIMIT_PREFIX}; the check
 * records what happens to each and does not count them as rejections (docs/ingestion-check.md).
 */
final class LimitEvents {

    private LimitEvents() {
    }

    static void log(Events ev) {
        ev.at(Events.LIMIT_PREFIX + "key-empty").info("empty key", "", 1L);
        ev.at(Events.LIMIT_PREFIX + "key-dot").info("key '.'", ".", 1L);
        ev.at(Events.LIMIT_PREFIX + "key-empty-segment").info("key 'a..b'", "a..b", 1L);
        ev.at(Events.LIMIT_PREFIX + "key-leading-dot").info("key '.lead'", ".lead", 1L);
        ev.at(Events.LIMIT_PREFIX + "key-metadata").info("key '_id'", "_id", "x");
        ev.at(Events.LIMIT_PREFIX + "key-metadata").info("key '_source'", "_source", "x");
        ev.at(Events.LIMIT_PREFIX + "key-deep-path").info("25-segment dotted key", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y", 1L);
        ev.at(Events.LIMIT_PREFIX + "array-mixed").info("array of a number and a string", "v_mixed", List.of(1, "a"));
    }
}
