package org.ecoplan.indicator.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue as a table for the bureau's spreadsheets: every indicator in table order with its latest
 * approved value and its current status, under Chinese column headings.
 */
@Component
class IndicatorExport {

    /** CSV and XLSX, as the {@code format} parameter names them. */
    enum Format {
        CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv"),
        XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "xlsx");

        final MediaType mediaType;

        final String extension;

        Format(MediaType mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Optional<Format> named(String name) {
            return Arrays.stream(values()).filter(format -> format.extension.equals(name)).findFirst();
        }
    }

    static final List<String> HEADINGS = List.of("序号", "指标代码", "指标类别", "指标名称", "单位", "基准年", "基准值",
            "目标年", "目标值", "目标类型", "指标属性", "责任部门", "最新核定期", "最新核定值", "进展状态");

    /** Excel opens a CSV as UTF-8 only when it starts with the byte-order mark; otherwise Chinese is garbled. */
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** Characters that make a spreadsheet read a text cell as a formula (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final IndicatorCatalog catalog;

    private final Observations observations;

    IndicatorExport(IndicatorCatalog catalog, Observations observations) {
        this.catalog = catalog;
        this.observations = observations;
    }

    Mono<byte[]> export(Format format) {
        return rows().map(rows -> format == Format.CSV ? csv(rows) : xlsx(rows));
    }

    /** Text cells and numbers, one list per indicator; null for an empty cell. */
    Mono<List<List<Object>>> rows() {
        return catalog.all()
            .concatMap(indicator -> Mono.zip(
                    observations.approvedSeries(indicator.code()).takeLast(1).singleOrEmpty().map(Optional::of)
                        .defaultIfEmpty(Optional.empty()),
                    catalog.status(indicator).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(found -> row(indicator, found.getT1(), found.getT2())))
            .collectList();
    }

    private static List<Object> row(Indicator indicator, Optional<ObservedValue> latest, Optional<String> status) {
        Baseline baseline = indicator.baseline();
        Target target = indicator.target();
        List<Object> row = new ArrayList<>();
        row.add(indicator.seq());
        row.add(indicator.code());
        row.add(String.join(" > ", indicator.category()));
        row.add(indicator.name().zh());
        row.add(indicator.unit());
        row.add(baseline.year());
        row.add(baseline.value() != null ? baseline.value() : baseline.text());
        row.add(target.year());
        row.add(target.value() != null ? target.value() : target.text());
        row.add(target.type().label());
        row.add(indicator.attribute().label());
        row.add(indicator.department());
        row.add(latest.map(value -> value.period().toString()).orElse(null));
        row.add(latest.map(ObservedValue::value).orElse(null));
        row.add(status.orElse(null));
        return row;
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, new ArrayList<>(HEADINGS));
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

    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "EcoPlan", "1.0");
            Worksheet sheet = workbook.newWorksheet("指标");
            for (int column = 0; column < HEADINGS.size(); column++) {
                sheet.value(0, column, HEADINGS.get(column));
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
