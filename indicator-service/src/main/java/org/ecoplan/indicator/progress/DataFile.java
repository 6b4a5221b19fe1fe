package org.ecoplan.indicator.progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data file of this package: {@code # key: value} header lines that say where the data comes from, one line
 * naming the columns, then one row per line. Cells hold no commas (Chinese text uses the full-width ，), so a plain
 * split reads them.
 */
final class DataFile {

    private DataFile() {
    }

    /**
     * The rows of a data file, each a list of stripped cells.
     *
     * @throws IllegalStateException when the file is missing, its columns differ from {@code columns}, a required
     *         header is absent or a row has the wrong number of cells: a broken data file must stop the start-up
     */
    static List<List<String>> rows(String resource, String columns, List<String> requiredHeaders) {
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No data file at " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return parse(resource, lines, columns, requiredHeaders);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<List<String>> parse(String resource, List<String> lines, String columns, List<String> requiredHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        int width = columns.split(",").length;
        boolean columnsSeen = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
            }
            else if (!columnsSeen) {
                if (!line.equals(columns)) {
                    throw new IllegalStateException(resource + ": expected the columns " + columns);
                }
                columnsSeen = true;
            }
            else if (!line.isBlank()) {
                List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
                if (cells.size() != width) {
                    throw new IllegalStateException(resource + " line " + (index + 1) + ": expected " + width
                            + " cells, found " + cells.size());
                }
                rows.add(cells);
            }
        }
        for (String key : requiredHeaders) {
            if (!headers.containsKey(key)) {
                throw new IllegalStateException(resource + ": header '" + key + "' is missing");
            }
        }
        return List.copyOf(rows);
    }
}
