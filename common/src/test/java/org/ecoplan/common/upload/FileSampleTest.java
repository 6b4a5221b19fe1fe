package org.ecoplan.common.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileSampleTest {

    /** The first bytes of each accepted kind, and of look-alikes that must be refused; empty expected = refused. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "PDF 1.7, 255044462d312e370a, PDF",
        "Word 97-2003 (OLE2), d0cf11e0a1b11ae10000, DOC",
        "JPEG (JFIF), ffd8ffe000104a464946, JPEG",
        "JPEG (Exif), ffd8ffe1, JPEG",
        "PNG, 89504e470d0a1a0a0000000d, PNG",
        "PNG signature cut short, 89504e470d0a1a, ",
        "PDF signature cut short, 255044, ",
        "Windows executable, 4d5a90000300000004, ",
        "GIF, 474946383961, ",
        "HTML, 3c68746d6c3e, ",
        "plain text saying PDF later, 68656c6c6f2025504446, ",
        "a bare ZIP signature, 504b0304, ",
        "empty, '', " })
    void kindComesFromTheFirstBytes(String description, String hex, FileKind expected) {
        assertThat(FileSample.of(HexFormat.of().parseHex(hex)).kind()).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void officePackagesAreToldApartByTheirMainPart() throws IOException {
        assertThat(FileSample.of(zip("", "word/document.xml")).kind()).contains(FileKind.DOCX);
        assertThat(FileSample.of(zip("", "xl/workbook.xml")).kind()).contains(FileKind.XLSX);
        assertThat(FileSample.of(zip("saved by a spreadsheet program", "xl/workbook.xml")).kind())
            .contains(FileKind.XLSX);
        assertThat(FileSample.of(zip("", "ppt/presentation.xml")).kind()).isEmpty();
        assertThat(FileSample.of(zip("", "META-INF/MANIFEST.MF")).kind()).isEmpty();
    }

    @Test
    void aDamagedPackageIsNoPackage() throws IOException {
        byte[] docx = zip("", "word/document.xml");

        assertThat(FileSample.of(Arrays.copyOf(docx, docx.length - 30)).kind()).isEmpty();
        byte[] pointingNowhere = docx.clone();
        // The directory's offset in the end record (bytes 16-19 of the last 22) pointed past the end.
        pointingNowhere[docx.length - 6] = (byte) 0xFF;
        pointingNowhere[docx.length - 5] = (byte) 0x7F;
        assertThat(FileSample.of(pointingNowhere).kind()).isEmpty();
    }

    /** Chunk sizes around the ring's size and the head's, so that every wrap-around is taken. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 63, 64, 65, 8192, FileSample.TAIL_BYTES - 1, FileSample.TAIL_BYTES + 1 })
    void aPackageStreamedInChunksIsRecognisedLikeTheWholeFile(int chunk) throws IOException {
        byte[] large = new byte[FileSample.TAIL_BYTES * 2 + 12345];
        new Random(7).nextBytes(large);
        byte[] docx = zipStored("word/media/image1.bin", large, "word/document.xml");
        FileSample streamed = new FileSample();

        for (int at = 0; at < docx.length; at += chunk) {
            ByteBuffer bytes = ByteBuffer.wrap(docx, at, Math.min(chunk, docx.length - at));
            streamed.add(bytes);
            assertThat(bytes.position()).as("position left alone").isEqualTo(at);
        }

        assertThat(streamed.kind()).contains(FileKind.DOCX);
        assertThat(streamed.size()).isEqualTo(docx.length);
        assertThat(streamed.sha256()).isEqualTo(sha256(docx)).isEqualTo(FileSample.of(docx).sha256());
    }

    @Test
    void aPackageWhoseDirectoryLiesBeyondTheTailIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.closeEntry();
            for (int i = 0; FileSample.TAIL_BYTES / 100 + 1 > i; i++) {
                zip.putNextEntry(new ZipEntry("word/media/" + "x".repeat(60) + i));
                zip.closeEntry();
            }
        }

        assertThat(FileSample.of(bytes.toByteArray()).kind()).isEmpty();
    }

    @Test
    void mediaTypesAndExtensionsAreTheRegisteredOnes() {
        assertThat(List.of(FileKind.values()).stream().map(k -> k.mediaType() + " ." + k.extension()))
            .containsExactly("application/pdf .pdf", "application/msword .doc",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document .docx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet .xlsx", "image/jpeg .jpg",
                    "image/png .png");
    }

    static byte[] zip(String comment, String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment(comment);
            for (String name : List.of("[Content_Types].xml", "_rels/.rels", mainPart)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A package with one large part stored uncompressed, so that the file is larger than the tail kept. */
    private static byte[] zipStored(String name, byte[] content, String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
