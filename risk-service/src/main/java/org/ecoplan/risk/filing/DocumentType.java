package org.ecoplan.risk.filing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a filing's documents may have, told apart by their content's first bytes (magic numbers), never
 * by the name a client gives: a renamed executable stays what it is.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    /** Word 97-2003: an OLE2 compound file. */
    DOC("application/msword", "doc"),
    /** Word 2007+: an OOXML zip package whose parts live under {@code word/}. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    /** How much of a file's start {@link #detect} needs: a DOCX's {@code word/} part names come early. */
    public static final int SNIFF_BYTES = 64 * 1024;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1 };

    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private static final byte[] WORD_PART = "word/".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private final String mediaType;

    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The type of a file from its first bytes (at most {@link #SNIFF_BYTES} are looked at); empty for anything
     * else. A zip is a DOCX only if a local file header names a part under {@code word/}: an XLSX, a JAR or any
     * other zip is refused.
     */
    public static Optional<DocumentType> detect(byte[] head) {
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return Optional.of(DOC);
        }
        if (startsWith(head, ZIP_MAGIC) && contains(head, WORD_PART)) {
            return Optional.of(DOCX);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        int end = Math.min(bytes.length, SNIFF_BYTES) - part.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
