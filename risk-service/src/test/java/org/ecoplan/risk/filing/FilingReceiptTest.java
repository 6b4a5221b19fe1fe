package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.upload.FileKind;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.Industry;
import org.ecoplan.risk.grading.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilingReceiptTest {

    private static final String FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    private static final Enterprise ENTERPRISE = new Enterprise("E-430602-0001",
            new LocalizedName("岳阳市楼兴精细化工有限公司", "Yueyang Louxing Fine Chemicals Co., Ltd."),
            "91430602MA4PK1R35Q", "湖南省岳阳市岳阳楼区城陵矶临港新区港兴路18号", null,
            new Industry("C2662", "专项化学用品制造"), List.of(), "env", false, null, RiskLevel.LARGER, null, null, null, null, null);

    private static final EmergencyPlanFiling FILED = new EmergencyPlanFiling("f1", ENTERPRISE.id(),
            ENTERPRISE.name(), "430602", LocalDate.of(2026, 3, 2), RiskLevel.LARGER, true, FilingStatus.FILED,
            List.of(new FiledDocument(DocumentKind.PLAN, "0123", "预案.pdf", FileKind.PDF, 1234,
                    "ab".repeat(32), Instant.parse("2026-03-10T02:00:00Z"), "enterprise-a")),
            List.of(), LocalDate.of(2026, 3, 30), false, true, 2, List.of(), null, List.of(),
            "430602-2026-007-MT", RiskLevel.LARGER, LocalDate.of(2026, 4, 8), "reviewer", LocalDate.of(2029, 4, 8), null,
            Instant.parse("2026-03-03T02:00:00Z"), "enterprise-a", 3L);

    @Test
    void receiptCarriesNumberEnterpriseAndDocumentsInChinese() throws IOException {
        assumeTrue(new File(FONT).isFile(), "Debian's fonts-droid-fallback is not installed");
        String text = text(new FilingReceipt(List.of("/nonexistent.ttf", FONT)).render(FILED, ENTERPRISE,
                "岳阳市生态环境局岳阳楼分局", LocalDate.of(2026, 4, 1)));
        assertThat(text).contains("430602-2026-007-MT", "岳阳市楼兴精细化工有限公司", "91430602MA4PK1R35Q", "较大 (M)",
                "跨区域", "2026-03-02", "逾期", "2029-04-08", "预案.pdf", "ab".repeat(32),
                "已于2026年4月1日收讫，文件齐全，予以备案", "岳阳市生态环境局岳阳楼分局");
    }

    @Test
    void withoutChineseFontTheReceiptIsIssuedInLatinScriptAndSaysSo() throws IOException {
        String text = text(new FilingReceipt(List.of("/nonexistent.ttf")).render(FILED, ENTERPRISE,
                "岳阳市生态环境局岳阳楼分局", LocalDate.of(2026, 4, 1)));
        assertThat(text).contains("430602-2026-007-MT", "Yueyang Louxing Fine Chemicals Co., Ltd.",
                "91430602MA4PK1R35Q", "major (M)", "received on 2026-04-01", "Chinese text is left out")
            .doesNotContain("岳阳");
    }

    @Test
    void aFontCollectionIsClosedAfterEachReceipt(@TempDir Path dir) throws IOException {
        assumeTrue(new File(FONT).isFile(), "Debian's fonts-droid-fallback is not installed");
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc to count open files");
        Path collection = dir.resolve("droid.ttc");
        Files.write(collection, collectionOf(Files.readAllBytes(Path.of(FONT))));
        FilingReceipt receipts = new FilingReceipt(List.of(collection.toString()));
        String first = text(receipts.render(FILED, ENTERPRISE, "岳阳市生态环境局岳阳楼分局", LocalDate.of(2026, 4, 1)));
        assertThat(first).contains("岳阳市楼兴精细化工有限公司");

        long before = openFiles();
        for (int i = 0; i < 10; i++) {
            receipts.render(FILED, ENTERPRISE, "岳阳市生态环境局岳阳楼分局", LocalDate.of(2026, 4, 1));
        }
        assertThat(openFiles()).isLessThan(before + 5);
    }

    /** A TrueType collection holding the one font: its header, then the font with its table offsets moved. */
    private static byte[] collectionOf(byte[] font) {
        int header = 16;
        ByteBuffer out = ByteBuffer.allocate(header + font.length);
        out.putInt(0x74746366).putInt(0x00010000).putInt(1).putInt(header).put(font);
        int tables = Short.toUnsignedInt(out.getShort(header + 4));
        for (int i = 0; i < tables; i++) {
            int at = header + 12 + i * 16 + 8;
            out.putInt(at, out.getInt(at) + header);
        }
        return out.array();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
