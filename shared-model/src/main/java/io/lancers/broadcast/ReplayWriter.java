package io.lancers.broadcast;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a replay file as the match goes: the header at once, each fragment as one write when it
 * is complete, the trailer (index and final scores) at {@link #finish}. Whatever happens between
 * two writes, the file is readable up to its last complete fragment. Layout: docs/BROADCAST.md.
 * Not thread-safe: one writer thread.
 */
public final class ReplayWriter implements Closeable {
    private final FileChannel out;
    private final List<ReplayTrailer.IndexEntry> index = new ArrayList<>();
    private long position;
    private boolean open = true;

    private ReplayWriter(FileChannel out, long position) {
        this.out = out;
        this.position = position;
    }

    /** Creates {@code file} (it must not exist) and writes the header. */
    public static ReplayWriter create(Path file, ReplayHeader header) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            byte[] json = Json.text(header).getBytes(StandardCharsets.UTF_8);
            byte[] start = new PartWriter(json.length + 32).bytes(ReplayFile.MAGIC).u8(ReplayFile.FORMAT_VERSION)
                    .u32(json.length).u32Bits(crc(json)).bytes(json).toByteArray();
            writeFully(channel, start);
            return new ReplayWriter(channel, start.length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends the next fragment: the first may have any number, each later one the number after.
     *
     * @throws IllegalArgumentException if it does not continue the previous fragment
     */
    public void append(Fragment fragment) throws IOException {
        requireOpen();
        if (!index.isEmpty()) {
            ReplayTrailer.IndexEntry last = index.get(index.size() - 1);
            if (fragment.number() != last.fragment() + 1 || fragment.firstTick() != last.lastTick()) {
                throw new IllegalArgumentException("fragment " + fragment.number() + " from tick "
                        + fragment.firstTick() + " does not continue fragment " + last.fragment());
            }
        }
        byte[] full = fragment.full().encode();
        byte[] delta = fragment.delta().encode();
        CRC32 crc = new CRC32();
        crc.update(full);
        crc.update(delta);
        byte[] entry = new PartWriter(full.length + delta.length + 16).u8(ReplayFile.FRAGMENT_TAG).u32(full.length)
                .u32(delta.length).u32Bits(crc.getValue()).bytes(full).bytes(delta).toByteArray();
        writeFully(out, entry);
        index.add(new ReplayTrailer.IndexEntry(fragment.number(), fragment.firstTick(), fragment.lastTick(), position));
        position += entry.length;
    }

    /** Fragments appended so far. */
    public int fragments() {
        return index.size();
    }

    /** Writes the trailer, without kills (readers then find them by playing the file), and closes the file. */
    public void finish(List<ReplayTrailer.Score> finalScores) throws IOException {
        finish(finalScores, null);
    }

    /**
     * Writes the trailer and closes the file.
     *
     * @param kills every kill after the file's first tick and up to its last, in order; null if unknown
     */
    public void finish(List<ReplayTrailer.Score> finalScores, List<ReplayFile.Kill> kills) throws IOException {
        requireOpen();
        int endTick = index.isEmpty() ? 0 : index.get(index.size() - 1).lastTick();
        byte[] json = Json.text(new ReplayTrailer(endTick, finalScores, index, kills)).getBytes(StandardCharsets.UTF_8);
        byte[] trailer = new PartWriter(json.length + 32).u8(ReplayFile.TRAILER_TAG).u32(json.length).u32Bits(crc(json))
                .bytes(json).toByteArray();
        ByteBuffer footer = ByteBuffer.allocate(ReplayFile.FOOTER_BYTES).putLong(position).put(ReplayFile.END_MAGIC);
        writeFully(out, trailer);
        writeFully(out, footer.array());
        close();
    }

    /** Closes without a trailer if {@link #finish} was not called: readers scan such a file. */
    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            out.close();
        }
    }

    /** CRC-32 (IEEE 802.3, as zlib and PNG) of the bytes. */
    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("replay file already closed");
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
