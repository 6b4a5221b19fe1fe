package org.ecoplan.indicator.water;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard's table as shipped in {@code resources/standards}: {@code # key: value} header lines naming the
 * standard ({@code standard}, {@code title}, {@code version}, {@code effective-from}, {@code effective-to}, any
 * number of {@code source} and {@code columns} lines), then CSV with a header row. Cells hold no commas.
 */
record StandardFile(StandardSource source, List<Map<String, String>> rows) {

    static StandardFile read(String resource) {
        InputStream in = StandardFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("standard table " + resource + " is not on the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(resource, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard table " + resource, e);
        }
    }

    private static StandardFile parse(String resource, List<String> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        int line = 0;
        for (; line < lines.size() && lines.get(line).startsWith("#"); line++) {
            String entry = lines.get(line).substring(1).strip();
            int colon = entry.indexOf(':');
            String key = entry.substring(0, colon).strip();
            String value = entry.substring(colon + 1).strip();
            if (key.equals("source")) {
                clauses.add(value);
            } else {
                header.put(key, value);
            }
        }
        StandardSource source = new StandardSource(required(header, "standard", resource),
                required(header, "title", resource), required(header, "version", resource),
                LocalDate.parse(required(header, "effective-from", resource)),
                header.getOrDefault("effective-to", "").isEmpty() ? null : LocalDate.parse(header.get("effective-to")),
                clauses);
        String[] columns = lines.get(line).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String row : lines.subList(line + 1, lines.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (cells.length != columns.length) {
                throw new IllegalStateException(resource + ": row '" + row + "' has " + cells.length + " cells, the header "
                        + columns.length);
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                byColumn.put(columns[i], cells[i].strip());
            }
            rows.add(byColumn);
        }
        return new StandardFile(source, List.copyOf(rows));
    }

    private static String required(Map<String, String> header, String key, String resource) {
        String value = header.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(resource + " names no " + key + " in its header");
        }
        return value;
    }
}
