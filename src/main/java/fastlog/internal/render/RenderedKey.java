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

    RenderedKey(String logged, String name, byte[] json) {
        this.logged = logged;
        this.name = name;
        this.hash = name.hashCode();
        this.json = json;
    }

    /** Whether the two keys read the same in the output. */
    boolean sameName(RenderedKey other) {
        return this == other || (hash == other.hash && name.equals(other.name));
    }
}
