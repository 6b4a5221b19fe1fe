package org.ecoplan.project.progress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a progress report may carry, recognised from the file's own bytes: what an uploader claims
 * (name, declared type) is easily wrong and would be served back to every reader as claimed. DOCX and XLSX are both
 * ZIP packages (ECMA-376 Open Packaging); their central directory names the main part, {@code word/document.xml} or
 * {@code xl/workbook.xml}, which is read without inflating anything.
 */
enum AttachmentKind {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private static final int END_OF_DIRECTORY = 0x06054b50;

    private static final int DIRECTORY_ENTRY = 0x02014b50;

    /** The end-of-central-directory record: 22 bytes plus a comment of at most 65,535. */
    private static final int END_RECORD = 22;

    private final String contentType;

    AttachmentKind(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<AttachmentKind> of(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return officePackage(content);
        }
        return Optional.empty();
    }

    /** Lists the ZIP's central directory; any inconsistency means it is not a package we accept. */
    private static Optional<AttachmentKind> officePackage(byte[] zip) {
        int end = -1;
        for (int at = zip.length - END_RECORD; at >= Math.max(0, zip.length - END_RECORD - 0xFFFF); at--) {
            if (int32(zip, at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int entries = int16(zip, end + 10);
        long at = uint32(zip, end + 16);
        for (int i = 0; i < entries; i++) {
            if (at + 46 > zip.length || int32(zip, (int) at) != DIRECTORY_ENTRY) {
                return Optional.empty();
            }
            int header = (int) at;
            int nameLength = int16(zip, header + 28);
            if (header + 46L + nameLength > zip.length) {
                return Optional.empty();
            }
            String name = new String(zip, header + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (name.equals("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            at = header + 46L + nameLength + int16(zip, header + 30) + int16(zip, header + 32);
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
