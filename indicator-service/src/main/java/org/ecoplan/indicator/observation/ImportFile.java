package org.ecoplan.indicator.observation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The rows of a bulk-import file as text cells, each with the line (CSV) or row (XLSX) number a person sees in
 * their editor, so that errors point at the right place. Blank lines and rows are skipped.
 */
final class ImportFile {

    /** Reads cell formats too, to tell a month Excel turned into a date from a plain number. */
    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ImportFile() {
    }

    /** @param line 1-based line (CSV: where the record starts) or row number */
    record Row(int line, List<String> cells) {
    }

    /**
     * RFC 4180 CSV in UTF-8, with or without the byte-order mark Excel writes: comma-separated, fields quoted with
     * {@code "} where they contain commas, quotes ({@code ""}) or line breaks, lines ending in CRLF or LF.
     *
     * @throws IllegalArgumentException for bytes that are not UTF-8 or an unterminated quote
     */
    static List<Row> csv(byte[] content) {
        String text = utf8(content);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            }
            else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addRow(rows, rowStart, cells, cell, any);
                cells = new ArrayList<>();
                any = false;
                line++;
                rowStart = line;
            }
            else {
                cell.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + rowStart + ": a quoted field is never closed");
        }
        addRow(rows, rowStart, cells, cell, any);
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells, StringBuilder cell, boolean any) {
        cells.add(cell.toString());
        cell.setLength(0);
        if (any && cells.stream().anyMatch(value -> !value.isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }

    private static String utf8(byte[] content) {
        int offset = startsWithBom(content) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                .toString();
        }
        catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2];
    }

    /**
     * The first sheet of an XLSX workbook. Numbers become their plain decimal text (2023, 36.5); a cell Excel
     * formatted as a date (it does that to "2023-05") becomes its month, as a period.
     *
     * @throws IllegalArgumentException when the bytes are no XLSX workbook
     */
    static List<Row> xlsx(byte[] content) {
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw new IllegalArgumentException("the file is not an XLSX workbook");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), WITH_FORMATS);
                Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            List<Row> rows = new ArrayList<>();
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.getCellCount(); column++) {
                    cells.add(text(row.getCell(column)));
                }
                if (cells.stream().anyMatch(value -> !value.isBlank())) {
                    rows.add(new Row(row.getRowNum(), cells));
                }
            });
            return rows;
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("the XLSX workbook cannot be read", ex);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatString())) {
                return YearMonth.from(cell.asDate()).toString();
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.ERROR) {
            return "#" + cell.getRawValue();
        }
        return cell.getText();
    }

    /** Excel number formats that show a date: those with year, month or day letters outside quotes. */
    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String unquoted = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return unquoted.contains("y") || unquoted.contains("d") || unquoted.contains("m") && !unquoted.contains("0");
    }
}
