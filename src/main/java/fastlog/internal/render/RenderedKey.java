package fastlog.internal.render;

/**
 * One field key ready to write. Immutable; made by {@link RenderedKeyCache}.
 */
final class RenderedKey {

    /** The key as the caller gave it: what {@link RenderedKeyCache} looks up. */
    final String logged;
    /**
     * The key as it reads in the output (cut, lone surrogates replaced, renamed off the reserved
     * names): duplicates are found by this.
     */
    final String name;
    /** {@code name.hashCode()}, compared before {@code name} when looking for duplicates. */
    final int hash;
    /** {@code ,"name":} encoded, leading comma included. */
    final byte[] json;
    /** Values under this key are written as the redaction mask ({@link Redaction#isRedactedKey}). */
    final boolean redacted;
    /** Fields with this key are left out of the line ({@code Configuration.excludeField}). */
    final boolean excluded;
    /**
     * The key is {@code exception} and the schema writes the event's exception as flat fields: a
     * Throwable value under it is written that way ({@code SchemaLayout.writeException}).
     */
    final boolean eventException;
    /** {@code excluded || eventException}: one test per field on the usual path. */
    final boolean special;

    RenderedKey(String logged, String name, byte[] json, boolean redacted) {
        this(logged, name, json, redacted, false, false);
    }

    RenderedKey(String logged, String name, byte[] json, boolean redacted, boolean excluded, boolean eventException) {
        this.logged = logged;
        this.name = name;
        this.hash = name.hashCode();
        this.json = json;
        this.redacted = redacted;
        this.excluded = excluded;
        this.eventException = eventException;
        this.special = excluded || eventException;
    }

    /** Whether the two keys read the same in the output. */
    boolean sameName(RenderedKey other) {
        return this == other || (hash == other.hash && name.equals(other.name));
    }
}
