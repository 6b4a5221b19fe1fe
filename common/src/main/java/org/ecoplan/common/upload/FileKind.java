package org.ecoplan.common.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the platform accepts as uploads, recognised from the file's own bytes: what an uploader claims
 * (name, declared type) is easily wrong and would be served back to every reader as claimed. Each upload point
 * accepts a subset (a filing's documents, a progress report's attachments).
 * <p>
 * DOCX and XLSX are both ZIP packages (ECMA-376 Open Packaging); their central directory, at the end of the file,
 * names the main part, {@code word/document.xml} or {@code xl/workbook.xml}, and is read without inflating anything.
 * A package whose directory is damaged or does not lie within the {@linkplain FileSample sample's tail} is none.
 */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    /** Word 97-2003: an OLE2 compound file. */
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1 };

    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private static final int END_OF_DIRECTORY = 0x06054b50;

    private static final int DIRECTORY_ENTRY = 0x02014b50;

    /** The end-of-central-directory record: 22 bytes plus a comment of at most 65,535. */
    private static final int END_RECORD = 22;

    private final String mediaType;

    private final String extension;

    FileKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The kind from a file's first bytes and its last ones; empty for anything not accepted anywhere. */
    static Optional<FileKind> of(byte[] head, byte[] tail, long size) {
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return Optional.of(DOC);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return officePackage(tail, size - tail.length);
        }
        return Optional.empty();
    }

    /**
     * Lists the ZIP's central directory from the file's last bytes ({@code tail}, which starts at offset
     * {@code tailStart} of the file); any inconsistency means it is not a package we accept.
     */
    private static Optional<FileKind> officePackage(byte[] tail, long tailStart) {
        int end = -1;
        for (int at = tail.length - END_RECORD; at >= Math.max(0, tail.length - END_RECORD - 0xFFFF); at--) {
            if (int32(tail, at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int entries = int16(tail, end + 10);
        long at = uint32(tail, end + 16) - tailStart;
        for (int i = 0; i < entries; i++) {
            if (at < 0 || at + 46 > tail.length || int32(tail, (int) at) != DIRECTORY_ENTRY) {
                return Optional.empty();
            }
            int header = (int) at;
            int nameLength = int16(tail, header + 28);
            if (header + 46L + nameLength > tail.length) {
                return Optional.empty();
            }
            String name = new String(tail, header + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (name.equals("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            at = header + 46L + nameLength + int16(tail, header + 30) + int16(tail, header + 32);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static int int16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] bytes, int at) {
        return (int) uint32(bytes, at);
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
