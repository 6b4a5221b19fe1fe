package org.ecoplan.risk.enterprise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The rows of an uploaded CSV or XLSX file as text cells with the line a person sees in their editor; blank rows
 * are left out. A stand-in for common's spreadsheet reader, which is being moved there from indicator-service:
 * once it is, the enterprise import reads through it and this class goes.
 */
final class SpreadsheetRows {

    private SpreadsheetRows() {
    }

    /** @param line the 1-based line (CSV: where the record starts) or sheet row */
    record Row(int line, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
        }
    }

    /**
     * RFC 4180 CSV in UTF-8 (Excel's byte-order mark allowed): commas between fields, {@code "} around fields that
     * hold commas, quotes or line breaks.
     *
     * @throws IllegalArgumentException for text that is not UTF-8, or a quote left open
     */
    static List<Row> csv(byte[] content) {
        String text = decode(content);
        List<Row> rows = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        int i = 0;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '"' && field.isEmpty()) {
                int close = closingQuote(text, i + 1, start);
                String quoted = text.substring(i + 1, close).replace("\"\"", "\"");
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                field.append(quoted);
                i = close + 1;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                if (record.stream().anyMatch(cell -> !cell.isBlank())) {
                    rows.add(new Row(start, List.copyOf(record)));
                }
                record.clear();
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                i += crlf ? 1 : 0;
                line++;
                start = line;
            }
            else {
                field.append(c);
            }
            i++;
        }
        return rows;
    }

    private static int closingQuote(String text, int from, int line) {
        int at = from;
        while (at < text.length()) {
            if (text.charAt(at) == '"' && (at + 1 >= text.length() || text.charAt(at + 1) != '"')) {
                return at;
            }
            at += text.charAt(at) == '"' ? 2 : 1;
        }
        throw new IllegalArgumentException("the quoted field that starts on line " + line + " is never closed");
    }

    private static String decode(byte[] content) {
        boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, bom ? 3 : 0, content.length - (bom ? 3 : 0)))
                .toString();
        }
        catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    /**
     * The first sheet of an XLSX workbook; numbers as their plain decimal text.
     *
     * @throws IllegalArgumentException when the bytes are no XLSX workbook
     */
    static List<Row> xlsx(byte[] content) {
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw new IllegalArgumentException("the file is not an XLSX workbook");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            return sheet.map(row -> new Row(row.getRowNum(), row.stream().map(SpreadsheetRows::text).toList()))
                .filter(row -> row.cells().stream().anyMatch(cell -> !cell.isBlank()))
                .toList();
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("the XLSX workbook cannot be read", ex);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        return cell.getType() == CellType.NUMBER ? cell.asNumber().stripTrailingZeros().toPlainString()
                : cell.getText();
    }
}
