package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTypeTest {

    /** The first bytes of each accepted type, and of look-alikes that must be refused; empty expected = refused. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "PDF 1.7, 255044462d312e370a, PDF",
        "Word 97-2003 (OLE2), d0cf11e0a1b11ae10000, DOC",
        "JPEG (JFIF), ffd8ffe000104a464946, JPEG",
        "PNG, 89504e470d0a1a0a0000000d, PNG",
        "Windows executable, 4d5a90000300000004, ",
        "GIF, 474946383961, ",
        "plain text saying PDF later, 68656c6c6f2025504446, ",
        "PNG signature cut short, 89504e470d0a, ",
        "empty, '', " })
    void typeComesFromTheFirstBytes(String description, String hex, DocumentType expected) {
        assertThat(DocumentType.detect(HexFormat.of().parseHex(hex))).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aZipIsDocxOnlyWithWordParts() throws IOException {
        assertThat(DocumentType.detect(zip("[Content_Types].xml", "word/document.xml")))
            .contains(DocumentType.DOCX);
        assertThat(DocumentType.detect(zip("[Content_Types].xml", "xl/workbook.xml"))).isEmpty();
        assertThat(DocumentType.detect(zip("META-INF/MANIFEST.MF"))).isEmpty();
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("<xml>" + entry + "</xml>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
