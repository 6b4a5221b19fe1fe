package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportFileTest {

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = { "\n", "\r\n" })
    void csvRowsCarryTheirLineNumbers(String newline) {
        String text = String.join(newline, "indicatorCode,period,value", "AIR-PM25,2023,33", "", "AIR-PM25,2024,32",
                "");

        assertThat(ImportFile.csv(utf8(text))).containsExactly(
                new ImportFile.Row(1, List.of("indicatorCode", "period", "value")),
                new ImportFile.Row(2, List.of("AIR-PM25", "2023", "33")),
                new ImportFile.Row(4, List.of("AIR-PM25", "2024", "32")));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstCell() {
        byte[] withBom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("indicatorCode,period\n"));

        assertThat(ImportFile.csv(withBom).get(0).cells()).containsExactly("indicatorCode", "period");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String text = "a,b,c\nAIR-PM25,\"监测站, 城陵矶\",\"第一行\n第二行 \"\"引用\"\"\"\nAIR-PM25,2024,\n";

        List<ImportFile.Row> rows = ImportFile.csv(utf8(text));

        assertThat(rows.get(1)).isEqualTo(new ImportFile.Row(2, List.of("AIR-PM25", "监测站, 城陵矶",
                "第一行\n第二行 \"引用\"")));
        assertThat(rows.get(2)).isEqualTo(new ImportFile.Row(4, List.of("AIR-PM25", "2024", "")));
    }

    @Test
    void unterminatedQuoteNamesItsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ImportFile.csv(utf8("a,b\nx,\"open\n")))
            .withMessage("line 2: a quoted field is never closed");
    }

    @Test
    void csvThatIsNotUtf8IsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ImportFile.csv("指标,期间\n".getBytes(Charset.forName("GB18030"))))
            .withMessageContaining("not UTF-8");
    }

    @Test
    void xlsxCellsBecomeTextWithRowNumbers() throws IOException {
        byte[] workbook = xlsx(sheet -> {
            sheet.value(0, 0, "indicatorCode");
            sheet.value(0, 1, "period");
            sheet.value(0, 2, "value");
            sheet.value(1, 0, "AIR-PM25");
            sheet.value(1, 1, 2023);
            sheet.value(1, 2, 33.5);
            sheet.value(3, 0, "AIR-GOOD-DAYS");
            sheet.value(3, 1, LocalDate.of(2024, 5, 1));
            sheet.style(3, 1).format("yyyy-mm").set();
            sheet.value(3, 2, 91);
        });

        assertThat(ImportFile.xlsx(workbook)).containsExactly(
                new ImportFile.Row(1, List.of("indicatorCode", "period", "value")),
                new ImportFile.Row(2, List.of("AIR-PM25", "2023", "33.5")),
                new ImportFile.Row(4, List.of("AIR-GOOD-DAYS", "2024-05", "91")));
    }

    @Test
    void bytesThatAreNoWorkbookAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ImportFile.xlsx(utf8("indicatorCode,period\n")))
            .withMessage("the file is not an XLSX workbook");
    }

    interface SheetWriter {
        void write(Worksheet sheet) throws IOException;
    }

    static byte[] xlsx(SheetWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        writer.write(workbook.newWorksheet("observations"));
        workbook.finish();
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
