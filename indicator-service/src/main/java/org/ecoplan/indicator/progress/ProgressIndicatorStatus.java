package org.ecoplan.indicator.progress;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue's status of an indicator (detail, {@code status} filter, export) is its progress
 * in the latest year with approved data, the same default year as {@code /progress} without a year.
 */
@Component
class ProgressIndicatorStatus implements IndicatorStatus {

    private final ProgressService progress;

    ProgressIndicatorStatus(ProgressService progress) {
        this.progress = progress;
    }

    @Override
    public Mono<String> current(Indicator indicator) {
        return progress.progress(indicator, null).map(result -> result.progress().status().name());
    }

    @Override
    public Mono<Map<String, String>> current(List<Indicator> indicators) {
        return progress.latest(indicators).map(results -> results.stream()
            .collect(Collectors.toMap(IndicatorProgress::code, result -> result.progress().status().name())));
    }
}
