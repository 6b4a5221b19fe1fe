package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.junit.jupiter.api.Test;

class SpreadsheetRowsTest {

    @Test
    void readsExcelsCsvWithBomQuotesAndLineBreaksInsideFields() {
        byte[] file = new SpreadsheetTable("企业", List.of("企业名称", "地址"),
                List.of(List.of("岳阳市\"楼兴\"有限公司", "港兴路18号,\r\n临港新区"), List.of("乙", "金鹗中路")))
            .write(SpreadsheetFormat.CSV);

        List<SpreadsheetRows.Row> rows = SpreadsheetRows.csv(file);

        assertThat(rows).extracting(SpreadsheetRows.Row::line).containsExactly(1, 2, 4);
        assertThat(rows.get(0).cells()).containsExactly("企业名称", "地址");
        assertThat(rows.get(1).cells()).containsExactly("岳阳市\"楼兴\"有限公司", "港兴路18号,\r\n临港新区");
        assertThat(rows.get(2).cells()).containsExactly("乙", "金鹗中路");
    }

    @Test
    void skipsBlankLinesAndCountsThemInLineNumbers() {
        List<SpreadsheetRows.Row> rows = SpreadsheetRows.csv("a,b\n\n,\nc,\"\"\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(SpreadsheetRows.Row::line).containsExactly(1, 4);
        assertThat(rows.get(1).cell(1)).isEmpty();
        assertThat(rows.get(1).cell(7)).isEmpty();
    }

    @Test
    void refusesAnOpenQuoteAndTextThatIsNotUtf8() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SpreadsheetRows.csv("a\n\"b,c\n".getBytes(StandardCharsets.UTF_8)))
            .withMessage("the quoted field that starts on line 2 is never closed");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SpreadsheetRows.csv("企业".getBytes(java.nio.charset.Charset.forName("GBK"))))
            .withMessageContaining("not UTF-8");
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithNumbersAsPlainText() {
        byte[] file = new SpreadsheetTable("企业", List.of("名称", "经度"),
                List.of(Arrays.asList("甲", new BigDecimal("113.1760")), Arrays.asList("乙", null)))
            .write(SpreadsheetFormat.XLSX);

        List<SpreadsheetRows.Row> rows = SpreadsheetRows.xlsx(file);

        assertThat(rows).extracting(SpreadsheetRows.Row::line).containsExactly(1, 2, 3);
        assertThat(rows.get(1).cells()).containsExactly("甲", "113.176");
        assertThat(rows.get(2).cell(0)).isEqualTo("乙");
        assertThat(rows.get(2).cell(1)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SpreadsheetRows.xlsx("a,b".getBytes()));
    }
}
