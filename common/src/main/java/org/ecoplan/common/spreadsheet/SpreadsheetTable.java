package org.ecoplan.common.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A table for the bureau's spreadsheets: headings and rows of text cells and numbers (null for an empty cell),
 * written as CSV that Excel opens correctly or as an XLSX workbook of one sheet.
 *
 * @param sheetName the XLSX sheet's name, e.g. 指标
 */
public record SpreadsheetTable(String sheetName, List<String> headings, List<List<Object>> rows) {

    /** Excel opens a CSV as UTF-8 only when it starts with the byte-order mark; otherwise Chinese is garbled. */
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** Characters that make a spreadsheet read a text cell as a formula (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public SpreadsheetTable {
        headings = List.copyOf(headings);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    public byte[] write(SpreadsheetFormat format) {
        return format == SpreadsheetFormat.CSV ? csv() : xlsx();
    }

    /** The table as a download named {@code <baseName>.csv} or {@code .xlsx}. */
    public ResponseEntity<byte[]> download(String baseName, SpreadsheetFormat format) {
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(baseName + "." + format.extension()).build().toString())
            .body(write(format));
    }

    private byte[] csv() {
        StringBuilder text = new StringBuilder();
        line(text, new ArrayList<>(headings));
        rows.forEach(row -> line(text, row));
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(UTF8_BOM, UTF8_BOM.length + body.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return file;
    }

    /** RFC 4180 with CRLF, as Excel writes CSV. */
    private static void line(StringBuilder text, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(csvCell(cells.get(i)));
        }
        text.append("\r\n");
    }

    private static String csvCell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal number) {
            return number.toPlainString();
        }
        String value = cell.toString();
        if (!(cell instanceof Number) && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "EcoPlan", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int column = 0; column < headings.size(); column++) {
                sheet.value(0, column, headings.get(column));
                sheet.style(0, column).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int column = 0; column < row.size(); column++) {
                    Object cell = row.get(column);
                    if (cell instanceof Number number) {
                        sheet.value(r + 1, column, number);
                    }
                    else if (cell != null) {
                        sheet.value(r + 1, column, cell.toString());
                    }
                }
            }
            workbook.finish();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the workbook to memory", ex);
        }
        return out.toByteArray();
    }
}
