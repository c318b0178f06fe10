package io.lancers.broadcast;

import io.lancers.sim.GameEvent;
import io.lancers.sim.World;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A replay file opened for reading: its header, its fragments (read on demand) and, when the
 * recording was finished, its trailer. A recording cut short (no trailer, or a damaged one) is
 * read by scanning, up to its last complete fragment. Play it with a {@link Replayer}.
 * <pre>
 * magic 89 4C 4E 43 52 0D 0A 1A | version u8 (2; 1 is read too) | headerLength u32 | headerCrc u32 | header JSON
 * fragment entry, repeated: 'F' | fullLength u32 | deltaLength u32 | crc u32 | full part | delta part
 * trailer (finished files): 'T' | jsonLength u32 | crc u32 | trailer JSON | trailerOffset u64 | "LNCR-END"
 * </pre>
 * CRCs are CRC-32 (as zlib). Byte diagrams: docs/BROADCAST.md. Positional reads: safe to share
 * between threads.
 */
public final class ReplayFile implements Closeable {
    /**
     * 2: state frames of {@code lancers.v5}. A reader of 1 refuses a 2 before its first frame; 1 (frames
     * of {@code lancers.v2}, which never use v5's new bits and kinds) is read as it is.
     */
    public static final int FORMAT_VERSION = 2;
    static final byte[] MAGIC = {(byte) 0x89, 'L', 'N', 'C', 'R', '\r', '\n', 0x1A};
    static final byte[] END_MAGIC = "LNCR-END".getBytes(StandardCharsets.US_ASCII);
    static final int FRAGMENT_TAG = 'F';
    static final int TRAILER_TAG = 'T';
    static final int FOOTER_BYTES = 16;
    /** Tag and three u32s. */
    private static final int ENTRY_HEADER_BYTES = 13;
    /** No part comes near this; a longer length is damage, not a reason to allocate. */
    private static final int MAX_PART_BYTES = 64 << 20;
    private static final int RECENT_FRAGMENTS = 4;

    /** A kill for a timeline: who killed whom at which tick. */
    public record Kill(int tick, int killerId, int victimId) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ReplayHeader header;
    private final ReplayTrailer trailer;
    private final List<ReplayTrailer.IndexEntry> index;
    private final String damage;
    private final StreamInfo info;
    private List<Kill> kills;
    /** The last few fragments read: seeking back and forth around the playhead reads the disk once. */
    private final Map<Integer, Fragment> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Fragment> eldest) {
            return size() > RECENT_FRAGMENTS;
        }
    };

    private ReplayFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
        long headerEnd = readStart();
        this.header = readHeader();
        ReplayTrailer readTrailer = readTrailer(headerEnd);
        List<String> problems = new ArrayList<>();
        this.index = readTrailer != null ? readTrailer.index() : scan(headerEnd, problems);
        this.trailer = readTrailer;
        this.damage = problems.isEmpty() ? null : problems.get(0);
        if (index.isEmpty()) {
            throw new BroadcastFormatException(path.getFileName() + ": the recording holds no complete fragment"
                    + (damage == null ? "" : " (" + damage + ")"));
        }
        this.info = fragment(0).full().info();
    }

    /**
     * Opens and checks a replay file: magic, version, header, and the trailer or (without one) every
     * fragment. Fragments are read later, on demand.
     *
     * @throws BroadcastFormatException if it is not a Lancers replay, from a newer version, or
     *                                  damaged before its first complete fragment; the message says which
     * @throws IOException              if it cannot be read at all
     */
    public static ReplayFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new ReplayFile(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public ReplayHeader header() {
        return header;
    }

    /** Match id, map, tick rate, rules and fragment length, from the first full part. */
    public StreamInfo info() {
        return info;
    }

    /** The trailer, or empty for a recording that was cut short. */
    public Optional<ReplayTrailer> trailer() {
        return Optional.ofNullable(trailer);
    }

    /** Whether the recording was finished (it has its trailer). */
    public boolean complete() {
        return trailer != null;
    }

    /** Why scanning stopped before the end of the file (a cut-short recording's torn last write), or null. */
    public String damage() {
        return damage;
    }

    public int fragmentCount() {
        return index.size();
    }

    public int firstTick() {
        return index.get(0).firstTick();
    }

    public int lastTick() {
        return index.get(index.size() - 1).lastTick();
    }

    /** Number, ticks and offset of the fragment at {@code position} (0 = the file's first). */
    public ReplayTrailer.IndexEntry entry(int position) {
        return index.get(position);
    }

    /** The position of the fragment whose full part is the last one at or before {@code tick}. */
    public int positionAt(int tick) {
        if (tick < firstTick() || tick > lastTick()) {
            throw new IllegalArgumentException("tick " + tick + " is outside " + firstTick() + ".." + lastTick());
        }
        int low = 0;
        int high = index.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (index.get(mid).firstTick() <= tick) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * Reads and checks the fragment at {@code position} (0 = the file's first).
     *
     * @throws BroadcastFormatException if its bytes are damaged
     */
    public Fragment fragment(int position) throws IOException {
        synchronized (recent) {
            Fragment cached = recent.get(position);
            if (cached != null) {
                return cached;
            }
        }
        ReplayTrailer.IndexEntry entry = index.get(position);
        Fragment fragment = readFragment(entry.offset());
        if (fragment.number() != entry.fragment() || fragment.firstTick() != entry.firstTick()
                || fragment.lastTick() != entry.lastTick()) {
            throw new BroadcastFormatException(name() + ": fragment at offset " + entry.offset()
                    + " is not the one the index names");
        }
        synchronized (recent) {
            recent.put(position, fragment);
        }
        return fragment;
    }

    /**
     * Every kill of the recording after its first tick, in order, for a timeline. From the trailer
     * when the writer put them there (a server's recordings); else the first call plays the whole
     * recording through (a second or so for five busy minutes), and later calls return the same list.
     */
    public synchronized List<Kill> kills() throws IOException {
        if (kills == null && trailer != null && trailer.kills() != null) {
            kills = trailer.kills();
        }
        if (kills == null) {
            List<Kill> found = new ArrayList<>();
            StreamCursor cursor = StreamCursor.start(fragment(0).full());
            for (int position = 0; position < index.size(); position++) {
                cursor.append(fragment(position).delta());
                while (cursor.step()) {
                    World world = cursor.world();
                    for (GameEvent event : world.events()) {
                        if (event instanceof GameEvent.Kill kill) {
                            found.add(new Kill(world.tick(), kill.killerId(), kill.victimId()));
                        }
                    }
                }
            }
            kills = List.copyOf(found);
        }
        return kills;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ------------------------------------------------------------------ reading

    /** Magic and version; returns where the header ends. */
    private long readStart() throws IOException {
        int startBytes = MAGIC.length + 1 + 8;
        if (size >= MAGIC.length && !Arrays.equals(read(0, MAGIC.length, "magic"), MAGIC) || size < MAGIC.length) {
            throw new BroadcastFormatException(name() + ": not a Lancers replay file");
        }
        if (size < startBytes) {
            throw new BroadcastFormatException(name() + ": too short to be a Lancers replay (" + size + " bytes)");
        }
        PartReader in = new PartReader(read(MAGIC.length, 1 + 4, "file start"), name());
        in.version(FORMAT_VERSION);
        long headerEnd = startBytes + (long) in.u31("header length");
        if (headerEnd > size) {
            throw new BroadcastFormatException(name() + ": truncated in its header");
        }
        return headerEnd;
    }

    private ReplayHeader readHeader() throws IOException {
        PartReader in = new PartReader(read(MAGIC.length + 1, 8, "header length"), name());
        int length = in.u31("header length");
        long crc = Integer.toUnsignedLong(ByteBuffer.wrap(read(MAGIC.length + 5, 4, "header CRC")).getInt());
        byte[] json = read(MAGIC.length + 9, length, "header");
        if (ReplayWriter.crc(json) != crc) {
            throw new BroadcastFormatException(name() + ": header is corrupt (CRC mismatch)");
        }
        ReplayHeader parsed = Json.parse(new String(json, StandardCharsets.UTF_8), ReplayHeader.class, name() + " header");
        int version = read(MAGIC.length, 1, "format version")[0] & 0xFF;
        if (parsed.format() != version) {
            throw new BroadcastFormatException(name() + ": header says format " + parsed.format()
                    + ", the file is version " + version);
        }
        return parsed;
    }

    /** The trailer if the file ends with an intact one, else null (the file is then scanned). */
    private ReplayTrailer readTrailer(long headerEnd) throws IOException {
        if (size - headerEnd < FOOTER_BYTES + 9
                || !Arrays.equals(read(size - END_MAGIC.length, END_MAGIC.length, "end magic"), END_MAGIC)) {
            return null;
        }
        long offset = ByteBuffer.wrap(read(size - FOOTER_BYTES, 8, "trailer offset")).getLong();
        if (offset < headerEnd || offset > size - FOOTER_BYTES - 9) {
            return null;
        }
        ByteBuffer start = ByteBuffer.wrap(read(offset, 9, "trailer"));
        int tag = start.get() & 0xFF;
        long length = Integer.toUnsignedLong(start.getInt());
        long crc = Integer.toUnsignedLong(start.getInt());
        if (tag != TRAILER_TAG || offset + 9 + length != size - FOOTER_BYTES) {
            return null;
        }
        byte[] json = read(offset + 9, (int) length, "trailer");
        if (ReplayWriter.crc(json) != crc) {
            return null;
        }
        try {
            ReplayTrailer parsed = Json.parse(new String(json, StandardCharsets.UTF_8), ReplayTrailer.class, "trailer");
            return validIndex(parsed.index(), headerEnd, offset) ? parsed : null;
        } catch (BroadcastFormatException e) {
            return null;
        }
    }

    private static boolean validIndex(List<ReplayTrailer.IndexEntry> index, long from, long to) {
        if (index == null || index.isEmpty()) {
            return false;
        }
        long offset = from;
        ReplayTrailer.IndexEntry previous = null;
        for (ReplayTrailer.IndexEntry entry : index) {
            if (entry == null) {
                return false;
            }
            boolean continues = previous == null || entry.fragment() == previous.fragment() + 1
                    && entry.firstTick() == previous.lastTick();
            if (!continues || entry.offset() < offset || entry.offset() >= to
                    || entry.lastTick() < entry.firstTick() || entry.firstTick() < 0) {
                return false;
            }
            offset = entry.offset() + ENTRY_HEADER_BYTES;
            previous = entry;
        }
        return true;
    }

    /** Reads fragment after fragment until the end or the first one that is incomplete or damaged. */
    private List<ReplayTrailer.IndexEntry> scan(long from, List<String> problems) {
        List<ReplayTrailer.IndexEntry> found = new ArrayList<>();
        long offset = from;
        while (offset < size) {
            Fragment fragment;
            long length;
            try {
                if (size - offset >= 1 && (read(offset, 1, "tag")[0] & 0xFF) == TRAILER_TAG) {
                    problems.add("its trailer is damaged");
                    break;
                }
                fragment = readFragment(offset);
                ByteBuffer lengths = ByteBuffer.wrap(read(offset + 1, 8, "fragment entry"));
                length = ENTRY_HEADER_BYTES + Integer.toUnsignedLong(lengths.getInt())
                        + Integer.toUnsignedLong(lengths.getInt());
            } catch (IOException e) {
                problems.add(e.getMessage());
                break;
            }
            ReplayTrailer.IndexEntry last = found.isEmpty() ? null : found.get(found.size() - 1);
            if (last != null && (fragment.number() != last.fragment() + 1 || fragment.firstTick() != last.lastTick())) {
                problems.add("fragment " + fragment.number() + " does not continue fragment " + last.fragment());
                break;
            }
            found.add(new ReplayTrailer.IndexEntry(fragment.number(), fragment.firstTick(), fragment.lastTick(), offset));
            offset += length;
        }
        return found;
    }

    private Fragment readFragment(long offset) throws IOException {
        if (size - offset < ENTRY_HEADER_BYTES) {
            throw new BroadcastFormatException(name() + ": fragment at offset " + offset + " is truncated");
        }
        ByteBuffer head = ByteBuffer.wrap(read(offset, ENTRY_HEADER_BYTES, "fragment entry"));
        int tag = head.get() & 0xFF;
        long fullLength = Integer.toUnsignedLong(head.getInt());
        long deltaLength = Integer.toUnsignedLong(head.getInt());
        long crc = Integer.toUnsignedLong(head.getInt());
        if (tag != FRAGMENT_TAG) {
            throw new BroadcastFormatException(name() + ": no fragment at offset " + offset + " (tag " + tag + ")");
        }
        if (fullLength > MAX_PART_BYTES || deltaLength > MAX_PART_BYTES
                || offset + ENTRY_HEADER_BYTES + fullLength + deltaLength > size) {
            throw new BroadcastFormatException(name() + ": fragment at offset " + offset + " is truncated");
        }
        byte[] full = read(offset + ENTRY_HEADER_BYTES, (int) fullLength, "full part");
        byte[] delta = read(offset + ENTRY_HEADER_BYTES + fullLength, (int) deltaLength, "delta part");
        CRC32 check = new CRC32();
        check.update(full);
        check.update(delta);
        if (check.getValue() != crc) {
            throw new BroadcastFormatException(name() + ": fragment at offset " + offset + " is corrupt (CRC mismatch)");
        }
        try {
            return new Fragment(FullPart.decode(full), DeltaPart.decode(delta));
        } catch (IllegalArgumentException e) {
            throw new BroadcastFormatException(name() + ": fragment at offset " + offset + ": " + e.getMessage());
        }
    }

    private byte[] read(long position, int length, String what) throws IOException {
        if (position < 0 || position + length > size) {
            throw new BroadcastFormatException(name() + ": truncated in " + what);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new BroadcastFormatException(name() + ": truncated in " + what);
            }
        }
        return buffer.array();
    }

    private String name() {
        return String.valueOf(path.getFileName());
    }
}
