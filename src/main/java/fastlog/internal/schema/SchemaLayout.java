package fastlog.internal.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import fastlog.internal.json.JsonOutput;
import fastlog.internal.json.StackTraceText;
import fastlog.internal.level.Levels;
import fastlog.internal.record.ReservedKeys;
import fastlog.internal.schema.SchemaPreset.CallerNames;
import fastlog.internal.schema.SchemaPreset.Field;
import fastlog.internal.schema.SchemaPreset.Kind;
import fastlog.internal.schema.SchemaPreset.TraceNames;

/**
 * A preset resolved, once, at configuration time, into what the writer copies: the line's header
 * as pre-encoded byte chunks around the two values that change per event (timestamp and message),
 * the reserved names and the collision rule ({@link ReservedKeys}), and pre-encoded keys for the
 * exception's fields and the optional per-event fields (trace ids, thread name, caller).
 *
 * <p>Header: for a logger name and level, {@link #header} returns chunks {@code c[0..d]} where
 * {@code d = dynamics().length}; the line starts {@code c[0] dyn[0] c[1] dyn[1] ... c[d]}, each
 * {@code dyn[i]} the timestamp or the message value. For the default preset that is
 * {@code {"ts":} + timestamp + {@code ,"level":"INFO","logger":"auth","msg":} + message + (empty).
 * The renderer caches the chunks per logger name (its {@code LinePrefixCache}).
 *
 * <p>Immutable after construction; safe to share. The write methods are called only by the
 * consumer-role holder, with its own output.
 */
public final class SchemaLayout {

    /** The optional per-event fields; their names are reserved only when they are on. */
    public enum Extra { TRACE, THREAD, CALLER }

    /** {@link #dynamics()} entry: the timestamp. */
    public static final int TIMESTAMP = 0;
    /** {@link #dynamics()} entry: the message. */
    public static final int MESSAGE = 1;

    /** fastlog's own layout with no options: what every line looked like before presets. */
    public static final SchemaLayout DEFAULT = new SchemaLayout(SchemaSpec.of("default"));

    private final SchemaSpec spec;
    private final SchemaPreset preset;
    /** The header fields left after rename and exclude, service fields without a value dropped. */
    private final List<Field> fields;
    private final ServiceIdentity identity;
    private final List<Map.Entry<String, String>> staticFields;
    private final int[] dynamics;
    private final ReservedKeys reserved;
    private final boolean flatException;
    private final byte[] exceptionType;
    private final byte[] exceptionMessage;
    private final byte[] exceptionStack;
    private final byte[] traceIdKey;
    /** {@code "projects/<id>/traces/} (open quote, no close) for Google Cloud, else null. */
    private final byte[] traceIdOpen;
    private final byte[] spanIdKey;
    private final byte[] traceFlagsKey;
    private final boolean flagsAsSampled;
    private final byte[] threadKey;
    private final byte[] callerOpen;
    private final byte[][] callerKeys;

    public SchemaLayout(SchemaSpec spec) {
        this.spec = spec;
        this.preset = SchemaPresets.named(spec.preset());
        this.identity = spec.identity();
        Map<String, String> renames = spec.renames();
        Set<String> excludes = spec.excludes();
        this.fields = resolveFields(preset, spec, renames, excludes);
        this.staticFields = spec.staticFields().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        this.dynamics = fields.stream().filter(f -> f.kind() == Kind.TIMESTAMP || f.kind() == Kind.MESSAGE)
                .mapToInt(f -> f.kind() == Kind.TIMESTAMP ? TIMESTAMP : MESSAGE).toArray();

        Set<String> names = new LinkedHashSet<>();
        for (Field f : fields) {
            names.add(f.parent() == null ? f.key() : f.parent());
        }
        SchemaPreset.ExceptionNames ex = preset.exception();
        this.flatException = !ex.nested();
        String type = flatException ? name(ex.type(), renames, excludes) : null;
        String message = flatException ? name(ex.message(), renames, excludes) : null;
        String stack = flatException ? name(ex.stackTrace(), renames, excludes) : null;
        addAll(names, type, message, stack);
        this.exceptionType = key(type);
        this.exceptionMessage = key(message);
        this.exceptionStack = key(stack);

        Set<Extra> extras = spec.extras();
        TraceNames t = preset.trace();
        String traceId = name(t.traceId(), renames, excludes);
        String spanId = name(t.spanId(), renames, excludes);
        String flags = name(t.flags(), renames, excludes);
        this.traceIdKey = key(traceId);
        this.spanIdKey = key(spanId);
        this.traceFlagsKey = key(flags);
        this.flagsAsSampled = t.flagsAsSampled();
        String project = spec.gcpProjectId();
        this.traceIdOpen = t.traceIdInProject() && project != null && !project.isBlank()
                ? openString("projects/" + project.trim() + "/traces/") : null;
        if (extras.contains(Extra.TRACE)) {
            addAll(names, traceId, spanId, flags);
        }
        String thread = name(preset.threadName(), renames, excludes);
        this.threadKey = key(thread);
        if (extras.contains(Extra.THREAD)) {
            addAll(names, thread);
        }
        CallerNames c = preset.caller();
        String callerObject = name(c.object(), renames, excludes);
        boolean callerExcluded = c.object() != null && callerObject == null;
        String[] callerNames = new String[5];
        String[] raw = {c.className(), c.method(), c.function(), c.file(), c.line()};
        for (int i = 0; i < raw.length; i++) {
            callerNames[i] = callerExcluded ? null
                    : c.object() != null ? raw[i] : name(raw[i], renames, excludes);
        }
        this.callerOpen = callerObject == null ? null : key(callerObject);
        this.callerKeys = new byte[5][];
        for (int i = 0; i < callerNames.length; i++) {
            callerKeys[i] = callerNames[i] == null ? null
                    : callerObject != null ? memberKey(callerNames[i]) : key(callerNames[i]);
        }
        if (extras.contains(Extra.CALLER)) {
            if (callerObject != null) {
                names.add(callerObject);
            } else {
                addAll(names, callerNames);
            }
        }

        ReservedKeys presetNames = new ReservedKeys(names, preset.dottedPaths(), Map.of(), Set.of());
        for (Map.Entry<String, String> e : staticFields) {
            if (presetNames.isReserved(e.getKey())) {
                throw new IllegalArgumentException("static field '" + e.getKey() + "' collides with the "
                        + preset.name() + " schema's field of that name (rename or exclude that one first)");
            }
        }
        staticFields.forEach(e -> names.add(e.getKey()));
        Map<String, String> userRenames = new java.util.HashMap<>(renames);
        userRenames.keySet().removeAll(presetPaths(preset));
        this.reserved = new ReservedKeys(names, preset.dottedPaths(), userRenames, excludes);
        if (fields.isEmpty() && staticFields.isEmpty()) {
            throw new IllegalArgumentException("every field of the " + preset.name() + " schema is excluded");
        }
    }

    /** The preset's header fields with fieldNames, rename and exclude applied, valueless ones dropped. */
    private static List<Field> resolveFields(SchemaPreset preset, SchemaSpec spec, Map<String, String> renames,
                                             Set<String> excludes) {
        List<Field> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Field f : preset.header()) {
            String given = fieldNameOverride(f.kind(), spec.fieldNames());
            Field r;
            if (given != null) {
                r = new Field(f.kind(), null, given, f.constant());
            } else if (f.parent() == null) {
                String k = renames.getOrDefault(f.key(), f.key());
                r = new Field(f.kind(), null, k, f.constant());
            } else {
                String parent = renames.getOrDefault(f.parent(), f.parent());
                String k = renames.getOrDefault(f.path(), f.key());
                r = new Field(f.kind(), parent, k, f.constant());
            }
            if (excludes.contains(f.key()) || excludes.contains(f.path()) || excludes.contains(r.path())
                    || (r.parent() != null && (excludes.contains(r.parent()) || excludes.contains(f.parent())))) {
                continue;
            }
            if (value(r.kind(), spec.identity()) == null && isService(r.kind())) {
                continue;
            }
            if (!seen.add(r.path())) {
                throw new IllegalArgumentException("two fields of the " + preset.name() + " schema would be named '"
                        + r.path() + "'");
            }
            if (r.parent() != null && (r.kind() == Kind.TIMESTAMP || r.kind() == Kind.MESSAGE)) {
                throw new IllegalArgumentException("the timestamp and the message must be top-level fields");
            }
            out.add(r);
        }
        return List.copyOf(out);
    }

    private static String fieldNameOverride(Kind kind, List<String> fieldNames) {
        if (fieldNames == null) {
            return null;
        }
        return switch (kind) {
            case TIMESTAMP -> fieldNames.get(0);
            case LEVEL -> fieldNames.get(1);
            case LOGGER -> fieldNames.get(2);
            case MESSAGE -> fieldNames.get(3);
            default -> null;
        };
    }

    private static boolean isService(Kind kind) {
        return switch (kind) {
            case SERVICE_NAME, SERVICE_VERSION, SERVICE_ENVIRONMENT, SERVICE_NODE_NAME, DATASET -> true;
            default -> false;
        };
    }

    /** The value of a service field, or null. */
    private static String value(Kind kind, ServiceIdentity id) {
        return switch (kind) {
            case SERVICE_NAME, DATASET -> id.name();
            case SERVICE_VERSION -> id.version();
            case SERVICE_ENVIRONMENT -> id.environment();
            case SERVICE_NODE_NAME -> id.nodeName();
            default -> null;
        };
    }

    /** Every name of the preset's own fields, as rename refers to them (so they are not user renames). */
    private static Set<String> presetPaths(SchemaPreset p) {
        Set<String> s = new LinkedHashSet<>();
        for (Field f : p.header()) {
            s.add(f.path());
            if (f.parent() != null) {
                s.add(f.parent());
            }
        }
        SchemaPreset.ExceptionNames e = p.exception();
        addAll(s, e.type(), e.message(), e.stackTrace(), p.trace().traceId(), p.trace().spanId(), p.trace().flags(),
                p.threadName(), p.caller().object(), p.caller().className(), p.caller().method(), p.caller().function(),
                p.caller().file(), p.caller().line());
        return s;
    }

    /** {@code name} renamed, or null if it is null or excluded. */
    private static String name(String name, Map<String, String> renames, Set<String> excludes) {
        if (name == null || excludes.contains(name)) {
            return null;
        }
        String r = renames.getOrDefault(name, name);
        return excludes.contains(r) ? null : r;
    }

    private static void addAll(Set<String> to, String... names) {
        for (String n : names) {
            if (n != null) {
                to.add(n);
            }
        }
    }

    private static byte[] key(String name) {
        return name == null ? null : encode(",", name);
    }

    private static byte[] memberKey(String name) {
        return encode("", name);
    }

    private static byte[] openString(String text) {
        JsonOutput out = new JsonOutput(64, Integer.MAX_VALUE);
        out.writeString(text);
        return Arrays.copyOf(out.array(), out.size() - 1); // without the closing quote
    }

    /** {@code before} then {@code "key":}, encoded. */
    private static byte[] encode(String before, String key) {
        JsonOutput out = new JsonOutput(64, Integer.MAX_VALUE);
        out.writeAsciiRaw(before);
        out.writeKey(key);
        return Arrays.copyOf(out.array(), out.size());
    }

    /**
     * This layout with exactly these optional per-event fields on (their names reserved, so a user
     * key never duplicates one): the pipeline knows which it captures only when it is built.
     */
    public SchemaLayout withExtras(Set<Extra> extras) {
        if (spec.extras().equals(extras)) {
            return this;
        }
        return new SchemaLayout(new SchemaSpec(spec.preset(), spec.identity(), spec.gcpProjectId(), spec.fieldNames(),
                spec.staticFields(), spec.renames(), spec.excludes(), extras));
    }

    /** The preset's name. */
    public String presetName() {
        return preset.name();
    }

    /** The preset itself: the names of every field, as data. */
    public SchemaPreset preset() {
        return preset;
    }

    /** Reserved names and the collision, rename and exclude rules for user keys. */
    public ReservedKeys reservedKeys() {
        return reserved;
    }

    /** The order of the per-event values in the header: {@link #TIMESTAMP}, {@link #MESSAGE}. */
    public int[] dynamics() {
        return dynamics.clone();
    }

    /**
     * The header chunks of logger {@code loggerName} at level {@code level} (see the class comment),
     * freshly made; the renderer caches them. Strings longer than {@code maxStringLength} (a logger
     * name, a service name) are cut like every string value.
     */
    public byte[][] header(String loggerName, int level, int maxStringLength) {
        JsonOutput out = new JsonOutput(256, maxStringLength);
        List<byte[]> chunks = new ArrayList<>(3);
        boolean first = true;
        String parent = null;
        boolean firstMember = false;
        for (Field f : fields) {
            if (parent != null && !parent.equals(f.parent())) {
                out.writeByte('}');
                parent = null;
            }
            if (f.parent() != null && parent == null) {
                out.writeByte(first ? '{' : ',');
                first = false;
                out.writeKey(f.parent());
                out.writeByte('{');
                parent = f.parent();
                firstMember = true;
            }
            if (parent != null) {
                if (!firstMember) {
                    out.writeByte(',');
                }
                firstMember = false;
            } else {
                out.writeByte(first ? '{' : ',');
                first = false;
            }
            out.writeKey(f.key());
            switch (f.kind()) {
                case TIMESTAMP, MESSAGE -> {
                    chunks.add(Arrays.copyOf(out.array(), out.size()));
                    out.reset();
                }
                case LEVEL -> out.writeString(preset.levelNames().get(level));
                case LEVEL_NUMBER -> out.writeLong(preset.levelNumbers() == null ? level : preset.levelNumbers()[level]);
                case LOGGER -> out.writeString(loggerName);
                case CONSTANT -> out.writeString(f.constant());
                default -> out.writeString(value(f.kind(), identity));
            }
        }
        if (parent != null) {
            out.writeByte('}');
        }
        for (Map.Entry<String, String> e : staticFields) {
            out.writeByte(first ? '{' : ',');
            first = false;
            out.writeKey(e.getKey());
            out.writeString(e.getValue());
        }
        chunks.add(Arrays.copyOf(out.array(), out.size()));
        return chunks.toArray(new byte[0][]);
    }

    /** The header chunks of every level for {@code loggerName}, indexed by level ordinal. */
    public byte[][][] headers(String loggerName, int maxStringLength) {
        byte[][][] byLevel = new byte[Levels.COUNT][][];
        for (int i = 0; i < Levels.COUNT; i++) {
            byLevel[i] = header(loggerName, i, maxStringLength);
        }
        return byLevel;
    }

    /**
     * Whether a Throwable under the key {@code exception} is written as the schema's flat exception
     * fields ({@link #writeException}) instead of fastlog's nested object.
     */
    public boolean flatException() {
        return flatException;
    }

    /**
     * Writes {@code t} as the schema's exception fields, each with its leading comma: class name,
     * message (left out when null) and the stack trace as Java prints it, each left out if the
     * schema has no such field or it is excluded. {@code messages} redacts the messages; {@code text}
     * is scratch space.
     */
    public void writeException(JsonOutput out, Throwable t, UnaryOperator<String> messages, StringBuilder text) {
        if (exceptionType != null) {
            out.writeRaw(exceptionType);
            out.writeString(t.getClass().getName());
        }
        if (exceptionMessage != null) {
            String m = StackTraceText.message(t);
            if (m != null) {
                out.writeRaw(exceptionMessage);
                out.writeString(messages.apply(m));
            }
        }
        if (exceptionStack != null) {
            text.setLength(0);
            StackTraceText.append(text, t, messages);
            out.writeRaw(exceptionStack);
            out.writeString(text);
        }
    }

    /**
     * Writes the trace-correlation fields under this schema's names, each with its leading comma
     * (a field the schema lacks or that is excluded is left out): the trace id (32 lowercase hex
     * digits; Google Cloud: {@code projects/<projectId>/traces/<traceId>} when a project id is
     * configured), the span id (16 lowercase hex digits) and the flags (2 hex digits, or Google
     * Cloud's {@code trace_sampled} boolean: bit 0). For the trace-correlation renderer.
     */
    public void writeTrace(JsonOutput out, CharSequence traceId, CharSequence spanId, int flags) {
        if (traceIdKey != null && traceId != null) {
            out.writeRaw(traceIdKey);
            if (traceIdOpen != null && isAsciiSafe(traceId)) {
                out.writeRaw(traceIdOpen);
                for (int i = 0; i < traceId.length(); i++) {
                    out.writeByte(traceId.charAt(i));
                }
                out.writeByte('"');
            } else {
                out.writeString(traceId);
            }
        }
        if (spanIdKey != null && spanId != null) {
            out.writeRaw(spanIdKey);
            out.writeString(spanId);
        }
        if (traceFlagsKey != null) {
            out.writeRaw(traceFlagsKey);
            if (flagsAsSampled) {
                out.writeBoolean((flags & 1) != 0);
            } else {
                out.writeByte('"');
                out.writeByte(HEX[(flags >> 4) & 0xF]);
                out.writeByte(HEX[flags & 0xF]);
                out.writeByte('"');
            }
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Letters and digits only: copied byte for byte inside the pre-encoded quote. */
    private static boolean isAsciiSafe(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code ,"<thread key>":"name"} (nothing if the schema has no such field or it is excluded). */
    public void writeThreadName(JsonOutput out, String name) {
        if (threadKey != null) {
            out.writeRaw(threadKey);
            out.writeString(name);
        }
    }

    /**
     * Writes {@code ,"<thread key>":"#<id>"}, the JDK's notation for a thread without a name (virtual
     * threads, by default), without building the string.
     */
    public void writeUnnamedThread(JsonOutput out, long threadId) {
        if (threadKey != null) {
            out.writeRaw(threadKey);
            out.writeByte('"');
            out.writeByte('#');
            out.writeLong(threadId);
            out.writeByte('"');
        }
    }

    /**
     * Writes the caller location under this schema's names, with a leading comma: class, method,
     * {@code class.method}, file and line, those the schema has (ECS: function, file, line;
     * Google Cloud: the {@code sourceLocation} object). A null file is left out; a negative line too.
     */
    public void writeCaller(JsonOutput out, String className, String method, String file, int line) {
        boolean inObject = callerOpen != null;
        if (inObject) {
            out.writeRaw(callerOpen);
            out.writeByte('{');
        }
        boolean first = inObject;
        for (int i = 0; i < callerKeys.length; i++) {
            byte[] k = callerKeys[i];
            if (k == null || (i == 3 && file == null) || (i == 4 && line < 0)) {
                continue;
            }
            if (inObject && !first) {
                out.writeByte(',');
            }
            first = false;
            out.writeRaw(k);
            switch (i) {
                case 0 -> out.writeString(className);
                case 1 -> out.writeString(method);
                case 2 -> out.writeString(className + "." + method);
                case 3 -> out.writeString(file);
                default -> out.writeLong(line);
            }
        }
        if (inObject) {
            out.writeByte('}');
        }
    }

    /** Which optional fields' names are reserved: for tests and for the pipeline's wiring. */
    public static Set<Extra> noExtras() {
        return EnumSet.noneOf(Extra.class);
    }
}
