package org.ecoplan.indicator.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/** Statuses a test sets, standing in for the progress feature's (primary, so it wins once that exists). */
@Primary
public class TestStatuses implements IndicatorStatus {

    private final Map<String, String> byCode = new ConcurrentHashMap<>();

    public void set(String code, String status) {
        byCode.put(code, status);
    }

    @Override
    public Mono<String> current(Indicator indicator) {
        return Mono.justOrEmpty(byCode.get(indicator.code()));
    }

    @Override
    public Mono<Map<String, String>> current(List<Indicator> indicators) {
        Map<String, String> set = new HashMap<>();
        indicators.stream().filter(indicator -> byCode.containsKey(indicator.code()))
            .forEach(indicator -> set.put(indicator.code(), byCode.get(indicator.code())));
        return Mono.just(set);
    }
}
