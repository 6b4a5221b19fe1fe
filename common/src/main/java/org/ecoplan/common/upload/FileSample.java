package org.ecoplan.common.upload;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the platform keeps of an upload while its bytes stream through to storage: the size, the SHA-256, the first
 * bytes (magic numbers) and the last ones (an office package's central directory), enough to tell its
 * {@linkplain FileKind kind} without holding the file. Not thread-safe: one upload's bytes arrive in order.
 */
public final class FileSample {

    /** The magic numbers sit in the first few bytes; a little more costs nothing. */
    static final int HEAD_BYTES = 64;

    /**
     * An office package's central directory takes about 100 bytes per part, a few KB for a Word or Excel file; a
     * MiB holds the directory of any document a person writes.
     */
    static final int TAIL_BYTES = 1024 * 1024;

    private final MessageDigest digest = sha256Digest();

    private final byte[] head = new byte[HEAD_BYTES];

    private final byte[] ring = new byte[TAIL_BYTES];

    private long size;

    private String sha256;

    /** A sample of a whole file already in memory. */
    public static FileSample of(byte[] content) {
        FileSample sample = new FileSample();
        sample.add(ByteBuffer.wrap(content));
        return sample;
    }

    /** Takes the next bytes of the upload; the buffer's position is left where it was. */
    public void add(ByteBuffer bytes) {
        int length = bytes.remaining();
        if (size < HEAD_BYTES) {
            bytes.duplicate().get(head, (int) size, (int) Math.min(length, HEAD_BYTES - size));
        }
        keepTail(bytes.duplicate());
        digest.update(bytes.duplicate());
        size += length;
    }

    /** The last bytes in a ring: where the next byte of the file goes is {@code size % TAIL_BYTES}. */
    private void keepTail(ByteBuffer chunk) {
        int length = chunk.remaining();
        int skip = Math.max(0, length - TAIL_BYTES);
        chunk.position(chunk.position() + skip);
        int at = (int) ((size + skip) % TAIL_BYTES);
        while (chunk.hasRemaining()) {
            int run = Math.min(chunk.remaining(), TAIL_BYTES - at);
            chunk.get(ring, at, run);
            at = (at + run) % TAIL_BYTES;
        }
    }

    private byte[] tail() {
        if (size <= TAIL_BYTES) {
            return Arrays.copyOf(ring, (int) size);
        }
        int oldest = (int) (size % TAIL_BYTES);
        byte[] tail = new byte[TAIL_BYTES];
        System.arraycopy(ring, oldest, tail, 0, TAIL_BYTES - oldest);
        System.arraycopy(ring, 0, tail, TAIL_BYTES - oldest, oldest);
        return tail;
    }

    public long size() {
        return size;
    }

    /** The content's SHA-256 in hex, so that a copy can be checked against the original. */
    public String sha256() {
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    public Optional<FileKind> kind() {
        return FileKind.of(Arrays.copyOf(head, (int) Math.min(size, HEAD_BYTES)), tail(), size);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
        }
    }
}
