package org.ecoplan.common.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.ecoplan.common.spreadsheet.SpreadsheetReader.Row;
import org.ecoplan.common.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetReaderTest {

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = { "\n", "\r\n", "\r" })
    void csvRowsCarryTheirLineNumbersAndBlankOnesAreLeftOut(String newline) {
        String text = String.join(newline, "indicatorCode,period,value", "AIR-PM25,2023,33", "", " , ,",
                "AIR-PM25,2024,32", "");

        assertThat(SpreadsheetReader.csv(utf8(text))).containsExactly(
                new Row(1, List.of("indicatorCode", "period", "value")),
                new Row(2, List.of("AIR-PM25", "2023", "33")),
                new Row(5, List.of("AIR-PM25", "2024", "32")));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            a,,c         | a;;c
            a,b,         | a;b;
            '"",b'       | ;b
            '"a""b",c'   | a"b;c
            '" a ",b'    | ' a ;b'
            """)
    void everyFieldIsACell(String line, String cells) {
        assertThat(SpreadsheetReader.csv(line).get(0).cells()).containsExactly(cells.split(";", -1));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstCell() {
        byte[] withBom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("indicatorCode,period\n"));

        assertThat(SpreadsheetReader.csv(withBom).get(0).cells()).containsExactly("indicatorCode", "period");
        assertThat(SpreadsheetReader.csv("\uFEFFstation,time").get(0).cells()).containsExactly("station", "time");
    }

    @Test
    void whatTheTableWritesReadsBack() {
        SpreadsheetTable table = new SpreadsheetTable("项目", List.of("代码", "名称"),
                List.of(Arrays.asList("P2021-01", "芭蕉水库, \"综合\"\n整治"), Arrays.asList("P2021-02", null)));

        assertThat(SpreadsheetReader.read(table.write(SpreadsheetFormat.CSV), SpreadsheetFormat.CSV)).containsExactly(
                new Row(1, List.of("代码", "名称")),
                new Row(2, List.of("P2021-01", "芭蕉水库, \"综合\"\n整治")),
                new Row(4, List.of("P2021-02", "")));
        assertThat(SpreadsheetReader.read(table.write(SpreadsheetFormat.XLSX), SpreadsheetFormat.XLSX))
            .extracting(Row::cells)
            .containsExactly(List.of("代码", "名称"), List.of("P2021-01", "芭蕉水库, \"综合\"\n整治"),
                    List.of("P2021-02"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "CSV", "XLSX" })
    void aRowLimitTakesHeadingsAndThatManyRowsAndRefusesOneMore(String format) {
        SpreadsheetFormat chosen = SpreadsheetFormat.valueOf(format);
        SpreadsheetTable two = new SpreadsheetTable("企业", List.of("代码"),
                List.of(List.of("E-1"), List.of("E-2")));
        SpreadsheetTable three = new SpreadsheetTable("企业", List.of("代码"),
                List.of(List.of("E-1"), List.of("E-2"), List.of("E-3")));

        assertThat(SpreadsheetReader.read(two.write(chosen), chosen, 2)).hasSize(3);
        assertUnreadable(() -> SpreadsheetReader.read(three.write(chosen), chosen, 2),
                "The file holds more than 2 rows after its headings; one import takes at most 2.");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String text = "a,b,c\nAIR-PM25,\"监测站, 城陵矶\",\"第一行\r\n第二行 \"\"引用\"\"\"\nAIR-PM25,2024,\n";

        List<Row> rows = SpreadsheetReader.csv(utf8(text));

        assertThat(rows.get(1)).isEqualTo(new Row(2, List.of("AIR-PM25", "监测站, 城陵矶", "第一行\r\n第二行 \"引用\"")));
        assertThat(rows.get(2)).isEqualTo(new Row(4, List.of("AIR-PM25", "2024", "")));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(SpreadsheetReader.csv("5\"3,x").get(0).cells()).containsExactly("5\"3", "x");
    }

    @Test
    void unterminatedQuoteNamesItsLine() {
        assertUnreadable(() -> SpreadsheetReader.csv(utf8("a,b\nx,\"open\n")),
                "The file cannot be read: line 2: a quoted field is never closed");
    }

    @Test
    void csvThatIsNotUtf8IsRefused() {
        assertUnreadable(() -> SpreadsheetReader.csv("指标,期间\n".getBytes(Charset.forName("GB18030"))),
                "The file cannot be read: the file is not UTF-8 text; save it as \"CSV UTF-8\"");
    }

    @Test
    void anEmptyFileHasNoRows() {
        assertThat(SpreadsheetReader.csv(new byte[0])).isEmpty();
        assertThat(SpreadsheetReader.csv("\n\r\n")).isEmpty();
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

        assertThat(SpreadsheetReader.xlsx(workbook)).containsExactly(
                new Row(1, List.of("indicatorCode", "period", "value")),
                new Row(2, List.of("AIR-PM25", "2023", "33.5")),
                new Row(4, List.of("AIR-GOOD-DAYS", "2024-05", "91")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yyyy-mm                  | 2024-05
            mmm-yy                   | 2024-05
            [$-804]yyyy年m月;@         | 2024-05
            [$-409]mmmm yyyy;@       | 2024-05
            yyyy-mm-dd               | 2024-05-07
            yyyy/m/d                 | 2024-05-07
            yyyy-mm-dd hh:mm         | 2024-05-07T08:30
            h:mm                     | 08:30
            """)
    void aDateCellShowsInIsoWhatItsFormatShows(String format, String text) throws IOException {
        byte[] workbook = xlsx(sheet -> {
            sheet.value(0, 0, LocalDateTime.of(2024, 5, 7, 8, 30));
            sheet.style(0, 0).format(format).set();
        });

        assertThat(SpreadsheetReader.xlsx(workbook).get(0).cells()).containsExactly(text);
    }

    @Test
    void bytesThatAreNoWorkbookAreRefused() {
        assertUnreadable(() -> SpreadsheetReader.xlsx(utf8("indicatorCode,period\n")),
                "The file cannot be read: the file is not an XLSX workbook");
        assertUnreadable(() -> SpreadsheetReader.read(new byte[] { 'P', 'K', 3, 4, 0, 0 }, SpreadsheetFormat.XLSX),
                "The file cannot be read: the XLSX workbook cannot be read");
    }

    private static void assertUnreadable(Runnable read, String detail) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(422);
            assertThat(problem.getBody().getDetail()).isEqualTo(detail);
            assertThat(problem.getBody().getProperties()).containsEntry(ApiProblem.ERRORS_PROPERTY,
                    List.of(new ApiProblem.FieldError("file", detail)));
        });
    }

    interface SheetWriter {
        void write(Worksheet sheet) throws IOException;
    }

    private static byte[] xlsx(SheetWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        writer.write(workbook.newWorksheet("sheet"));
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
