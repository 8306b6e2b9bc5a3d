package fastlog.internal.render.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import fastlog.internal.json.JsonOutput;

/**
 * Writes epoch microseconds as local wall-clock time with milliseconds, {@code 09:14:03.512}
 * (Logback's default console pattern {@code %d{HH:mm:ss.SSS}}), in the zone fixed when the
 * pipeline was built. The zone's offset is looked up once per new second, so daylight-saving
 * changes are followed; consecutive events in one second cost three digits. Not thread-safe.
 */
public final class LocalTimeFormat {

    /** Bytes written: {@code HH:mm:ss.SSS}. */
    public static final int LENGTH = 12;

    private final ZoneRules rules;
    private final byte[] text = new byte[LENGTH];
    private long cachedSecond = Long.MIN_VALUE;

    public LocalTimeFormat(ZoneId zone) {
        this.rules = zone.getRules();
    }

    public void write(JsonOutput out, long epochMicros) {
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        if (second != cachedSecond) {
            long local = second + rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
            int ofDay = (int) Math.floorMod(local, 86_400L);
            two(ofDay / 3600, 0);
            text[2] = ':';
            two(ofDay / 60 % 60, 3);
            text[5] = ':';
            two(ofDay % 60, 6);
            text[8] = '.';
            cachedSecond = second;
        }
        int millis = (int) (Math.floorMod(epochMicros, 1_000_000L) / 1000);
        text[9] = (byte) ('0' + millis / 100);
        text[10] = (byte) ('0' + millis / 10 % 10);
        text[11] = (byte) ('0' + millis % 10);
        out.writeRaw(text);
    }

    private void two(int v, int at) {
        text[at] = (byte) ('0' + v / 10);
        text[at + 1] = (byte) ('0' + v % 10);
    }
}
