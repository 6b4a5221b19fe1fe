package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentKindTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "255044462d312e370a, PDF",
        "ffd8ffe000104a464946, JPEG",
        "ffd8ffe1, JPEG",
        "89504e470d0a1a0a0000000d, PNG",
        "89504e470d0a1a, ''",
        "255044, ''",
        "3c68746d6c3e, ''",
        "7b7d, ''",
        "504b0304, ''" })
    void kindIsReadFromTheFirstBytes(String hex, String kind) {
        assertThat(AttachmentKind.of(HexFormat.of().parseHex(hex)).map(Enum::name).orElse(""))
            .isEqualTo(kind);
    }

    @Test
    void officePackagesAreToldApartByTheirMainPart() throws IOException {
        assertThat(AttachmentKind.of(zip("", "word/document.xml"))).contains(AttachmentKind.DOCX);
        assertThat(AttachmentKind.of(zip("", "xl/workbook.xml"))).contains(AttachmentKind.XLSX);
        assertThat(AttachmentKind.of(zip("saved by a spreadsheet program", "xl/workbook.xml")))
            .contains(AttachmentKind.XLSX);
        assertThat(AttachmentKind.of(zip("", "ppt/presentation.xml"))).isEmpty();
        assertThat(AttachmentKind.of(zip("", "readme.txt"))).isEmpty();
    }

    @Test
    void aDamagedPackageIsNoPackage() throws IOException {
        byte[] docx = zip("", "word/document.xml");

        assertThat(AttachmentKind.of(Arrays.copyOf(docx, docx.length - 30))).isEmpty();
        byte[] pointingNowhere = docx.clone();
        // The directory's offset in the end record (bytes 16-19 of the last 22) pointed past the end.
        pointingNowhere[docx.length - 6] = (byte) 0xFF;
        pointingNowhere[docx.length - 5] = (byte) 0x7F;
        assertThat(AttachmentKind.of(pointingNowhere)).isEqualTo(Optional.empty());
    }

    @Test
    void contentTypesAreTheRegisteredOnes() {
        assertThat(List.of(AttachmentKind.values()).stream().map(AttachmentKind::contentType)).containsExactly(
                "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/jpeg", "image/png");
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
}
