package org.ecoplan.common.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.ecoplan.common.web.ApiProblem;

/**
 * Reads the files the bureau's spreadsheets send to the platform, the counterpart of {@link SpreadsheetTable}:
 * rows of text cells, each with the line (CSV) or row (XLSX) number a person sees in their editor, so that errors
 * point at the right place. Rows whose cells are all blank are left out; spreadsheets leave them behind.
 * <p>
 * A file that cannot be read at all is a 422 problem with the error on the field {@code file}; what the cells
 * must hold is the caller's to check.
 */
public final class SpreadsheetReader {

    /** Reads cell formats too, to show a date cell as the date its format shows. */
    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SpreadsheetReader() {
    }

    /**
     * @param line 1-based line (CSV: where the record starts) or row number
     * @param cells the text of each cell, none null; a CSV row has as many as it has fields
     */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell's text without surrounding blanks; empty for a column the row does not reach. */
        public String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
        }
    }

    /** @throws ApiProblem 422 when the file cannot be read as {@code format} */
    public static List<Row> read(byte[] content, SpreadsheetFormat format) {
        return read(content, format, Integer.MAX_VALUE - 1);
    }

    /**
     * The rows of a file of one row of headings and at most {@code maxDataRows} rows of data. Reading stops at
     * the first row too many, so an oversized file is refused without holding all its rows.
     *
     * @throws ApiProblem 422 when the file cannot be read as {@code format} or holds more than
     *         {@code maxDataRows} rows after the headings
     */
    public static List<Row> read(byte[] content, SpreadsheetFormat format, int maxDataRows) {
        Rows rows = new Rows(maxDataRows + 1);
        if (format == SpreadsheetFormat.XLSX) {
            xlsx(content, rows);
        }
        else {
            csv(decode(content), rows);
        }
        return rows.all;
    }

    /** The rows read so far; one past the limit is refused there and then. */
    private static final class Rows {

        private final int limit;

        private final List<Row> all = new ArrayList<>();

        private Rows(int limit) {
            this.limit = limit;
        }

        void add(Row row) {
            if (all.size() == limit) {
                String detail = "The file holds more than " + (limit - 1) + " rows after its headings; one import "
                        + "takes at most " + (limit - 1) + ".";
                throw ApiProblem.unprocessable(detail, List.of(new ApiProblem.FieldError("file", detail)));
            }
            all.add(row);
        }
    }

    /**
     * RFC 4180 CSV in UTF-8, with or without the byte-order mark Excel writes (and {@link SpreadsheetTable} too).
     *
     * @throws ApiProblem 422 for bytes that are not UTF-8 or a quoted field that is never closed
     */
    public static List<Row> csv(byte[] content) {
        return csv(decode(content));
    }

    private static String decode(byte[] content) {
        int offset = startsWithBom(content) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                .toString();
        }
        catch (CharacterCodingException notUtf8) {
            throw unreadable("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    /**
     * RFC 4180 CSV: comma-separated fields, quoted with {@code "} where they hold commas, quotes ({@code ""}) or
     * line breaks; records end in CRLF, LF or CR. A leading byte-order mark is skipped.
     *
     * @throws ApiProblem 422 for a quoted field that is never closed
     */
    public static List<Row> csv(String text) {
        Rows rows = new Rows(Integer.MAX_VALUE);
        csv(text, rows);
        return rows.all;
    }

    private static void csv(String text, Rows rows) {
        int length = text.length();
        int at = length > 0 && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        int line = 1;
        List<String> cells = new ArrayList<>();
        while (at < length) {
            int recordLine = line;
            while (true) {
                String cell;
                if (at < length && text.charAt(at) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    at++;
                    while (true) {
                        if (at >= length) {
                            throw unreadable("line " + recordLine + ": a quoted field is never closed");
                        }
                        char c = text.charAt(at++);
                        if (c == '"' && at < length && text.charAt(at) == '"') {
                            quoted.append('"');
                            at++;
                        }
                        else if (c == '"') {
                            break;
                        }
                        else {
                            if (c == '\n') {
                                line++;
                            }
                            quoted.append(c);
                        }
                    }
                    int end = fieldEnd(text, at);
                    cell = quoted.append(text, at, end).toString();
                    at = end;
                }
                else {
                    int end = fieldEnd(text, at);
                    cell = text.substring(at, end);
                    at = end;
                }
                cells.add(cell);
                if (at < length && text.charAt(at) == ',') {
                    at++;
                }
                else {
                    break;
                }
            }
            if (at < length) {
                at += text.charAt(at) == '\r' && at + 1 < length && text.charAt(at + 1) == '\n' ? 2 : 1;
                line++;
            }
            if (!allBlank(cells)) {
                rows.add(new Row(recordLine, cells));
            }
            cells.clear();
        }
    }

    private static int fieldEnd(String text, int from) {
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == ',' || c == '\n' || c == '\r') {
                return at;
            }
        }
        return text.length();
    }

    private static boolean allBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2];
    }

    /**
     * The first sheet of an XLSX workbook. Numbers become their plain decimal text (2023, 36.5). A cell formatted
     * as a date becomes, in ISO-8601, what its format shows: a month ({@code 2023-05}: Excel makes a date of a
     * typed "2023-05" and shows it without the day), a date, a date and time, or a time.
     *
     * @throws ApiProblem 422 when the bytes are no XLSX workbook
     */
    public static List<Row> xlsx(byte[] content) {
        Rows rows = new Rows(Integer.MAX_VALUE);
        xlsx(content, rows);
        return rows.all;
    }

    private static void xlsx(byte[] content, Rows rows) {
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw unreadable("the file is not an XLSX workbook");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), WITH_FORMATS);
                Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.getCellCount(); column++) {
                    cells.add(text(row.getCell(column)));
                }
                if (!allBlank(cells)) {
                    rows.add(new Row(row.getRowNum(), cells));
                }
            });
        }
        catch (ApiProblem tooMany) {
            throw tooMany;
        }
        catch (IOException | RuntimeException ex) {
            throw unreadable("the XLSX workbook cannot be read");
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            DateShown shown = DateShown.by(cell.getDataFormatString());
            if (shown != null) {
                return shown.text(cell.asDate());
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.ERROR) {
            return "#" + cell.getRawValue();
        }
        return cell.getText();
    }

    /** What of a date an Excel number format shows, by its year, month, day, hour and second letters. */
    private enum DateShown {
        MONTH, DATE, DATE_AND_TIME, TIME;

        /** Null for a format that shows a number; text in quotes and brackets (colours, locales) is no letter. */
        static DateShown by(String format) {
            if (format == null) {
                return null;
            }
            String letters = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
            boolean date = letters.contains("y") || letters.contains("d")
                    || letters.contains("m") && !letters.contains("0");
            boolean time = letters.contains("h") || letters.contains("s");
            if (time) {
                return letters.contains("y") || letters.contains("d") ? DATE_AND_TIME : TIME;
            }
            if (!date) {
                return null;
            }
            return letters.contains("d") ? DATE : MONTH;
        }

        String text(LocalDateTime value) {
            return switch (this) {
                case MONTH -> YearMonth.from(value).toString();
                case DATE -> value.toLocalDate().toString();
                case DATE_AND_TIME -> value.toString();
                case TIME -> value.toLocalTime().toString();
            };
        }
    }

    private static ApiProblem unreadable(String reason) {
        String detail = "The file cannot be read: " + reason;
        return ApiProblem.unprocessable(detail, List.of(new ApiProblem.FieldError("file", detail)));
    }
}
