package fastlog.internal.render.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import fastlog.internal.json.JsonOutput;

/** Local time, across a daylight-saving change and before 1970. */
class LocalTimeFormatTest {

    private static String format(LocalTimeFormat f, Instant t) {
        JsonOutput out = new JsonOutput(16, 100);
        f.write(out, t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
        return new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII);
    }

    @Test
    void followsDaylightSavingChanges() {
        LocalTimeFormat berlin = new LocalTimeFormat(ZoneId.of("Europe/Berlin"));
        // 2026-03-29 01:00 UTC: Berlin goes from UTC+1 to UTC+2.
        assertEquals("01:59:59.999", format(berlin, Instant.parse("2026-03-29T00:59:59.999999Z")));
        assertEquals("03:00:00.000", format(berlin, Instant.parse("2026-03-29T01:00:00.000Z")));
        assertEquals("03:00:00.123", format(berlin, Instant.parse("2026-03-29T01:00:00.123456Z")));
    }

    @Test
    void beforeTheEpoch() {
        LocalTimeFormat utc = new LocalTimeFormat(ZoneId.of("UTC"));
        assertEquals("23:59:59.999", format(utc, Instant.parse("1969-12-31T23:59:59.999500Z")));
        assertEquals("00:00:00.000", format(utc, Instant.parse("1970-01-01T00:00:00Z")));
    }
}
