package org.ecoplan.common.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class SpreadsheetTableTest {

    private static final SpreadsheetTable TABLE = new SpreadsheetTable("项目", List.of("代码", "名称", "总投资（万元）"),
            List.of(Arrays.asList("P2021-01", "芭蕉水库, 综合整治", new BigDecimal("230000")),
                    Arrays.asList("=HYPERLINK(\"x\")", null, 1.5)));

    @Test
    void csvStartsWithTheByteOrderMarkAndQuotesWhatExcelWouldSplit() {
        byte[] file = TABLE.write(SpreadsheetFormat.CSV);

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "代码,名称,总投资（万元）\r\nP2021-01,\"芭蕉水库, 综合整治\",230000\r\n\"'=HYPERLINK(\"\"x\"\")\",,1.5\r\n");
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndTheSheetName() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(TABLE.write(SpreadsheetFormat.XLSX)))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("项目");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(2)).isEqualTo("总投资（万元）");
            assertThat(rows.get(1).getCellAsNumber(2)).contains(new BigDecimal("230000"));
            assertThat(rows.get(2).getCellText(0)).isEqualTo("=HYPERLINK(\"x\")");
        }
    }

    @Test
    void formatsAreNamedByTheirExtension() {
        assertThat(SpreadsheetFormat.named("xlsx")).contains(SpreadsheetFormat.XLSX);
        assertThat(SpreadsheetFormat.named("pdf")).isEmpty();
    }
}
