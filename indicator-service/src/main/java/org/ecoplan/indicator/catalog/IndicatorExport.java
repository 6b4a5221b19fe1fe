package org.ecoplan.indicator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue as a table for the bureau's spreadsheets: every indicator in table order with its latest
 * approved value and its current status, under Chinese column headings.
 */
@Component
class IndicatorExport {

    static final List<String> HEADINGS = List.of("序号", "指标代码", "指标类别", "指标名称", "单位", "基准年", "基准值",
            "目标年", "目标值", "目标类型", "指标属性", "责任部门", "最新核定期", "最新核定值", "进展状态");

    private final IndicatorCatalog catalog;

    private final Observations observations;

    IndicatorExport(IndicatorCatalog catalog, Observations observations) {
        this.catalog = catalog;
        this.observations = observations;
    }

    Mono<SpreadsheetTable> table() {
        return rows().map(rows -> new SpreadsheetTable("指标", HEADINGS, rows));
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
}
