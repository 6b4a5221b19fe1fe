package org.ecoplan.indicator.air;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.common.spreadsheet.SpreadsheetReader;

/**
 * A standard's table as a data file in {@code resources/standards/}: {@code # key: value} header lines naming the
 * edition (a key may repeat to continue its value), other {@code #} lines as comments, then a CSV header row and the
 * rows.
 */
final class StandardFile {

    private final String name;

    private final StandardEdition edition;

    private final List<Row> rows;

    private StandardFile(String name, StandardEdition edition, List<Row> rows) {
        this.name = name;
        this.edition = edition;
        this.rows = rows;
    }

    static StandardFile read(String name) {
        InputStream in = StandardFile.class.getResourceAsStream("/standards/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing standard data file standards/" + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> header = new LinkedHashMap<>();
            // the # lines stay as empty lines, so that the table's rows keep their line numbers
            StringBuilder table = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    readHeaderLine(line, header);
                }
                else {
                    table.append(line);
                }
                table.append('\n');
            }
            List<SpreadsheetReader.Row> lines = SpreadsheetReader.csv(table.toString());
            if (lines.isEmpty()) {
                throw new IllegalStateException("standards/" + name + " has no header row");
            }
            List<String> columns = lines.get(0).cells();
            List<Row> rows = lines.subList(1, lines.size()).stream()
                .map(row -> new Row(name, row.line(), columns, row.cells()))
                .toList();
            return new StandardFile(name, edition(name, header), rows);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read standards/" + name, ex);
        }
    }

    StandardEdition edition() {
        return edition;
    }

    List<Row> rows() {
        return rows;
    }

    IllegalStateException invalid(String message) {
        return new IllegalStateException("standards/" + name + ": " + message);
    }

    private static void readHeaderLine(String line, Map<String, String> header) {
        String text = line.substring(1).trim();
        int colon = text.indexOf(':');
        if (colon <= 0 || text.substring(0, colon).contains(" ")) {
            return;
        }
        String key = text.substring(0, colon);
        String value = text.substring(colon + 1).trim();
        header.merge(key, value, (earlier, more) -> earlier + " " + more);
    }

    private static StandardEdition edition(String name, Map<String, String> header) {
        for (String required : List.of("standard", "version", "status", "effective-from", "source")) {
            if (header.getOrDefault(required, "").isBlank()) {
                throw new IllegalStateException("standards/" + name + " has no '# " + required + ":' header");
            }
        }
        return new StandardEdition(header.get("standard"), header.getOrDefault("title", ""), header.get("version"),
                StandardEdition.Status.valueOf(header.get("status")), LocalDate.parse(header.get("effective-from")),
                date(header.get("effective-to")), blankToNull(header.get("amends")), header.get("source"));
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** One data row, its cells addressed by column name. */
    static final class Row {

        private final String file;

        private final int line;

        private final List<String> columns;

        private final List<String> cells;

        Row(String file, int line, List<String> columns, List<String> cells) {
            if (columns == null || cells.size() != columns.size()) {
                throw new IllegalStateException("standards/" + file + " line " + line + ": expected "
                        + (columns == null ? "a header row" : columns.size() + " cells"));
            }
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.cells = cells;
        }

        String text(String column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalStateException("standards/" + file + " has no column " + column);
            }
            return cells.get(index).trim();
        }

        /** Null for an empty cell. */
        BigDecimal decimal(String column) {
            String text = text(column);
            try {
                return text.isEmpty() ? null : new BigDecimal(text);
            }
            catch (NumberFormatException ex) {
                throw new IllegalStateException("standards/" + file + " line " + line + ": " + column
                        + " is not a number", ex);
            }
        }

        int integer(String column) {
            BigDecimal value = decimal(column);
            if (value == null) {
                throw new IllegalStateException("standards/" + file + " line " + line + ": " + column + " is empty");
            }
            return value.intValueExact();
        }

        Pollutant pollutant() {
            return Pollutant.ofCode(text("pollutant"));
        }

        Averaging averaging(String column) {
            return Averaging.ofCode(text(column));
        }

        /** The unit column must name the pollutant's unit, so that a table in other units cannot slip in. */
        Pollutant pollutantInItsUnit() {
            Pollutant pollutant = pollutant();
            if (!pollutant.unit().equals(text("unit"))) {
                throw new IllegalStateException("standards/" + file + " line " + line + ": " + pollutant.code()
                        + " must be in " + pollutant.unit());
            }
            return pollutant;
        }
    }
}
