package org.ecoplan.risk.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a standard's data file in {@code resources/standards/}: {@code #} lines name the source and explain,
 * then a CSV header and the rows (fields quoted with {@code "} where they hold commas).
 */
final class StandardData {

    private StandardData() {
    }

    /** One row, by column name, with the file and line it came from for error messages. */
    record Row(String file, int line, Map<String, String> cells) {

        String text(String column) {
            String value = cells.get(column);
            if (value == null || value.isBlank()) {
                throw invalid("column " + column + " is empty");
            }
            return value.strip();
        }

        String optional(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        BigDecimal decimal(String column) {
            try {
                return new BigDecimal(text(column));
            }
            catch (NumberFormatException ex) {
                throw invalid("column " + column + " is not a number");
            }
        }

        boolean flag(String column) {
            return switch (text(column)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid("column " + column + " must be true or false");
            };
        }

        IllegalStateException invalid(String message) {
            return new IllegalStateException("standards/" + file + " line " + line + ": " + message);
        }
    }

    static List<Row> rows(String file) {
        InputStream in = StandardData.class.getResourceAsStream("/standards/" + file);
        if (in == null) {
            throw new IllegalStateException("Missing standard data file standards/" + file);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> columns = null;
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (columns == null) {
                    columns = fields;
                    continue;
                }
                if (fields.size() != columns.size()) {
                    throw new IllegalStateException("standards/" + file + " line " + number + ": " + fields.size()
                            + " fields, the header has " + columns.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), fields.get(i));
                }
                rows.add(new Row(file, number, cells));
            }
            return List.copyOf(rows);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read standards/" + file, ex);
        }
    }

    /** One line's fields; a data file never breaks a field across lines. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            }
            else if (c == '"') {
                inQuotes = !inQuotes;
            }
            else if (c == ',' && !inQuotes) {
                fields.add(field.toString());
                field.setLength(0);
            }
            else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
