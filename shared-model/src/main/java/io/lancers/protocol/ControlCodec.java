package io.lancers.protocol;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import io.lancers.map.SpawnPoint;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON text frames: {@code {"type":"<wire name>", ...the record's components}}.
 *
 * <p>Records map to JSON objects with one member per component, in declaration order; lists to
 * arrays; enums to their lower-case names; {@code int}/{@code long} to integral numbers and
 * {@code float} to finite numbers. Decoding is strict JSON (no NaN, comments or single quotes),
 * ignores unknown members and rejects a missing or null component unless it is one of the few
 * nullable ones (see {@link #NULLABLE}). Every failure is a {@link ProtocolException} with close
 * code 1002 and a reason naming the offending member.
 *
 * <p>Gson parses and writes the JSON; the mapping is this class's own so that the wire shape is
 * exactly what docs/PROTOCOL.md says, with no silent defaults for missing members.
 */
public final class ControlCodec {

    /** Client → server, one entry per {@link ClientMessage} type. */
    private static final Map<String, Class<? extends ClientMessage>> CLIENT_TYPES = Map.ofEntries(
            Map.entry("hello", ClientMessage.Hello.class),
            Map.entry("listMatches", ClientMessage.ListMatches.class),
            Map.entry("join", ClientMessage.Join.class),
            Map.entry("spectate", ClientMessage.Spectate.class),
            Map.entry("leave", ClientMessage.Leave.class),
            Map.entry("chat", ClientMessage.Chat.class),
            Map.entry("resync", ClientMessage.Resync.class),
            Map.entry("heartbeat", ClientMessage.Heartbeat.class),
            Map.entry("heartbeatAck", ClientMessage.HeartbeatAck.class),
            Map.entry("kick", ClientMessage.Kick.class),
            Map.entry("nextMap", ClientMessage.NextMap.class),
            Map.entry("endMatch", ClientMessage.EndMatch.class),
            Map.entry("vote", ClientMessage.Vote.class));

    /** Server → client, one entry per {@link ServerMessage} type. */
    private static final Map<String, Class<? extends ServerMessage>> SERVER_TYPES = Map.ofEntries(
            Map.entry("welcome", ServerMessage.Welcome.class),
            Map.entry("matchList", ServerMessage.MatchList.class),
            Map.entry("joined", ServerMessage.Joined.class),
            Map.entry("left", ServerMessage.Left.class),
            Map.entry("roster", ServerMessage.Roster.class),
            Map.entry("chat", ServerMessage.Chat.class),
            Map.entry("notice", ServerMessage.Notice.class),
            Map.entry("error", ServerMessage.Error.class),
            Map.entry("heartbeat", ServerMessage.Heartbeat.class),
            Map.entry("heartbeatAck", ServerMessage.HeartbeatAck.class),
            Map.entry("mapVote", ServerMessage.MapVote.class));

    private static final Map<Class<?>, String> WIRE_NAMES = wireNames();

    /** The only components that may be null or absent; every other one is required. */
    static final Map<Class<?>, Set<String>> NULLABLE = Map.of(
            ClientMessage.Hello.class, Set.of("resumeToken", "password", "hostToken"),
            ServerMessage.MapVote.class, Set.of("hostPick"),
            ServerMessage.Joined.class, Set.of("resumeToken"),
            // Added with team play: absent from older servers and recordings, which were free-for-all.
            ServerMessage.Rules.class, Set.of("mode", "friendlyFire"),
            ServerMessage.MatchInfo.class, Set.of("mode"),
            ServerMessage.PlayerInfo.class, Set.of("team"),
            SpawnPoint.class, Set.of("team"));

    private static final String TYPE_MEMBER = "type";

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private ControlCodec() {
    }

    public static String encode(ServerMessage message) {
        return write((Record) message);
    }

    public static String encode(ClientMessage message) {
        return write((Record) message);
    }

    public static ServerMessage decodeServer(String json) throws ProtocolException {
        return decode(json, SERVER_TYPES, "server");
    }

    public static ClientMessage decodeClient(String json) throws ProtocolException {
        ClientMessage.HeartbeatAck ack = json == null ? null : HeartbeatAckText.read(json);
        return ack != null ? ack : decode(json, CLIENT_TYPES, "client");
    }

    /** The {@code type} value of a message record, e.g. {@code "heartbeatAck"}. */
    public static String wireName(Class<?> messageType) {
        String name = WIRE_NAMES.get(messageType);
        if (name == null) {
            throw new IllegalArgumentException("not a control message type: " + messageType.getName());
        }
        return name;
    }

    private static Map<Class<?>, String> wireNames() {
        Map<Class<?>, String> names = new HashMap<>();
        CLIENT_TYPES.forEach((name, type) -> names.put(type, name));
        SERVER_TYPES.forEach((name, type) -> names.put(type, name));
        return Map.copyOf(names);
    }

    // ---------------------------------------------------------------- encoding

    private static String write(Record message) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setStrictness(Strictness.STRICT);
            out.setSerializeNulls(true);
            String name = wireName(message.getClass());
            out.beginObject();
            out.name(TYPE_MEMBER).value(name);
            writeMembers(out, message, Where.message(name));
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static void writeMembers(JsonWriter out, Record record, Where path) throws IOException {
        RecordShape shape = SHAPES.get(record.getClass());
        for (int i = 0; i < shape.components.length; i++) {
            RecordComponent component = shape.components[i];
            Where memberPath = path.member(component.getName());
            Object value = shape.get(record, i);
            if (value == null && !shape.nullable[i]) {
                throw new IllegalArgumentException(memberPath + " must not be null");
            }
            out.name(component.getName());
            writeValue(out, value, memberPath);
        }
    }

    private static void writeValue(JsonWriter out, Object value, Where path) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof Integer || value instanceof Long) {
            out.value(((Number) value).longValue());
        } else if (value instanceof Float) {
            float f = (Float) value;
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException(path + " must be finite: " + f);
            }
            out.value(f);
        } else if (value instanceof Boolean) {
            out.value((Boolean) value);
        } else if (value instanceof String) {
            out.value((String) value);
        } else if (value instanceof Enum<?>) {
            out.value(enumWireName((Enum<?>) value));
        } else if (value instanceof Record) {
            out.beginObject();
            writeMembers(out, (Record) value, path);
            out.endObject();
        } else if (value instanceof List<?>) {
            out.beginArray();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new IllegalArgumentException(path + "[" + i + "] must not be null");
                }
                writeValue(out, list.get(i), path.element(i));
            }
            out.endArray();
        } else {
            throw new IllegalArgumentException(path + ": no JSON mapping for " + value.getClass().getName());
        }
    }

    static String enumWireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Streams the text into the record, no tree: when {@code type} is the first member, as every Lancers
     * encoder writes it, in one pass; otherwise a first pass finds it and a second reads the members. A
     * client's heartbeat ack, a thousand a second at a thousand spectators, costs one reader and the record,
     * and the JIT does not compile a tree builder for it (BENCHMARKS.md §3).
     */
    private static <T> T decode(String json, Map<String, Class<? extends T>> types, String direction)
            throws ProtocolException {
        if (json == null) {
            throw malformed("no JSON text");
        }
        try {
            JsonReader in = objectReader(json);
            String name;
            if (in.hasNext() && in.nextName().equals(TYPE_MEMBER) && in.peek() == JsonToken.STRING) {
                name = in.nextString();
            } else {
                name = typeFurtherOn(objectReader(json));
                in = objectReader(json);
            }
            Class<? extends T> type = types.get(name);
            if (type == null) {
                throw malformed("unknown " + direction + " message type \"" + abbreviate(name) + "\"");
            }
            Object message = readMembers(in, type, Where.message(name));
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw malformed("trailing data after the JSON object");
            }
            return type.cast(message);
        } catch (IOException e) {
            // Gson reports every syntax error, too deep a nesting and a premature end as one.
            throw malformed("invalid JSON: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    /** A strict reader inside the text's top-level object, at its first member. */
    private static JsonReader objectReader(String json) throws IOException, ProtocolException {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw malformed("a message must be a JSON object");
        }
        reader.beginObject();
        return reader;
    }

    /** The top-level object's {@code type} member, skipping the members before it. */
    private static String typeFurtherOn(JsonReader in) throws IOException, ProtocolException {
        while (in.hasNext()) {
            if (in.nextName().equals(TYPE_MEMBER)) {
                if (in.peek() != JsonToken.STRING) {
                    break;
                }
                return in.nextString();
            }
            in.skipValue();
        }
        throw malformed("message has no string \"type\"");
    }

    private static Object readRecord(JsonReader in, Class<?> type, Where path) throws IOException, ProtocolException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            throw malformed(path + " must be an object");
        }
        in.beginObject();
        return readMembers(in, type, path);
    }

    /**
     * An object's members from the reader's place to its end, in any order; unknown ones (a message's
     * {@code type} among them) are skipped.
     */
    private static Object readMembers(JsonReader in, Class<?> type, Where path) throws IOException, ProtocolException {
        RecordShape shape = SHAPES.get(type);
        Object[] args = new Object[shape.components.length];
        while (in.hasNext()) {
            int i = shape.indexOf(in.nextName());
            if (i < 0) {
                in.skipValue();
            } else if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                args[i] = null;
            } else {
                args[i] = readValue(in, shape.components[i].getGenericType(), path.member(shape.components[i].getName()));
            }
        }
        in.endObject();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && !shape.nullable[i]) {
                throw malformed(path + "." + shape.components[i].getName() + " is missing");
            }
        }
        return shape.construct(args, path);
    }

    private static Object readValue(JsonReader in, Type type, Where path) throws IOException, ProtocolException {
        Class<?> raw = rawClass(type);
        if (raw == int.class) {
            try {
                return integral(in, path).intValueExact();
            } catch (ArithmeticException e) {
                throw malformed(path + " must be an integer in the int range");
            }
        } else if (raw == long.class) {
            try {
                return integral(in, path).longValueExact();
            } catch (ArithmeticException e) {
                throw malformed(path + " must be an integer in the long range");
            }
        } else if (raw == float.class) {
            float value = Float.parseFloat(number(in, path));
            if (!Float.isFinite(value)) {
                throw malformed(path + " out of range");
            }
            return value;
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (in.peek() != JsonToken.BOOLEAN) {
                throw malformed(path + " must be true or false");
            }
            return in.nextBoolean();
        } else if (raw == String.class) {
            if (in.peek() != JsonToken.STRING) {
                throw malformed(path + " must be a string");
            }
            return in.nextString();
        } else if (raw.isEnum()) {
            return readEnum(in, raw, path);
        } else if (raw.isRecord()) {
            return readRecord(in, raw, path);
        } else if (raw == List.class) {
            return readList(in, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        }
        throw new IllegalStateException(path + ": no JSON mapping for " + type);
    }

    private static Object readEnum(JsonReader in, Class<?> type, Where path) throws IOException, ProtocolException {
        if (in.peek() == JsonToken.STRING) {
            String name = in.nextString();
            for (Object constant : type.getEnumConstants()) {
                if (enumWireName((Enum<?>) constant).equals(name)) {
                    return constant;
                }
            }
        }
        throw malformed(path + " is not a known " + type.getSimpleName());
    }

    private static List<Object> readList(JsonReader in, Type elementType, Where path)
            throws IOException, ProtocolException {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            throw malformed(path + " must be an array");
        }
        List<Object> values = new ArrayList<>();
        in.beginArray();
        for (int i = 0; in.hasNext(); i++) {
            if (in.peek() == JsonToken.NULL) {
                throw malformed(path + "[" + i + "] is null");
            }
            values.add(readValue(in, elementType, path.element(i)));
        }
        in.endArray();
        return values;
    }

    /** A JSON number's literal text, as written. */
    private static String number(JsonReader in, Where path) throws IOException, ProtocolException {
        if (in.peek() != JsonToken.NUMBER) {
            throw malformed(path + " must be a number");
        }
        return in.nextString();
    }

    /** The exact value of a JSON number; {@code intValueExact} and friends then reject 1.5 or 1e20. */
    private static BigDecimal integral(JsonReader in, Where path) throws IOException, ProtocolException {
        try {
            return new BigDecimal(number(in, path));
        } catch (NumberFormatException e) {
            // Strict JSON syntax was checked already; this is an exponent beyond BigDecimal's range.
            throw malformed(path + " out of range");
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?>) {
            return (Class<?>) type;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ProtocolException malformed(String reason) {
        return new ProtocolException(CloseCodes.PROTOCOL_ERROR, reason);
    }

    /**
     * Where in a message a value is, e.g. {@code roster.players[2].name}: for error messages only, so it is
     * spelled out only when one is made, not as a new string for every member of every message (BENCHMARKS.md §3,
     * issue 14 step 6).
     */
    private record Where(Where outer, String member, int index) {
        static Where message(String wireName) {
            return new Where(null, wireName, -1);
        }

        Where member(String name) {
            return new Where(this, name, -1);
        }

        Where element(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            if (outer == null) {
                return member;
            }
            return member != null ? outer + "." + member : outer + "[" + index + "]";
        }
    }

    /** A record type's components, accessors and canonical constructor, looked up once. */
    private static final class RecordShape {
        final RecordComponent[] components;
        final boolean[] nullable;
        private final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is not a record");
            }
            components = type.getRecordComponents();
            nullable = new boolean[components.length];
            Set<String> nullableNames = NULLABLE.getOrDefault(type, Set.of());
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(TYPE_MEMBER) && WIRE_NAMES.containsKey(type)) {
                    throw new IllegalStateException(type.getName() + " clashes with the \"type\" member");
                }
                nullable[i] = nullableNames.contains(components[i].getName());
                parameterTypes[i] = components[i].getType();
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has a canonical constructor", e);
            }
        }

        /** The component of that name, or -1. A record has a handful: a search beats a map. */
        int indexOf(String name) {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        Object get(Record record, int index) {
            try {
                return components[index].getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("record accessor failed: " + components[index], e);
            }
        }

        Object construct(Object[] args, Where path) throws ProtocolException {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                // The record's own constructor refused the values.
                throw malformed(path + ": " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass(), e);
            }
        }
    }
}
