package org.ecoplan.indicator.progress;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.catalog.Attribute;

/**
 * The bureau's monthly question in one answer: how many indicators stand where, which 约束性 binding indicators are
 * at risk, and which indicators still lack a value for the year.
 *
 * @param indicators how many indicators the plan has
 * @param counts indicators per status, every status listed, zeros included
 * @param bindingNotOnTrack binding indicators neither achieved nor on track, in table order
 * @param noApprovedData indicators without an approved annual value for {@code year}, in table order
 */
public record ProgressSummary(int year, int indicators, Map<ProgressStatus, Integer> counts,
        List<IndicatorStatus> bindingNotOnTrack, List<IndicatorStatus> noApprovedData) {

    public record IndicatorStatus(String code, LocalizedName name, ProgressStatus status) {

        static IndicatorStatus of(IndicatorProgress progress) {
            return new IndicatorStatus(progress.code(), progress.name(), progress.progress().status());
        }
    }

    static ProgressSummary of(PlanProgress plan) {
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        for (ProgressStatus status : ProgressStatus.values()) {
            counts.put(status, 0);
        }
        plan.indicators().forEach(indicator -> counts.merge(indicator.progress().status(), 1, Integer::sum));
        List<IndicatorStatus> bindingNotOnTrack = plan.indicators()
            .stream()
            .filter(indicator -> indicator.attribute() == Attribute.BINDING)
            .filter(indicator -> !indicator.progress().status().onTrack())
            .map(IndicatorStatus::of)
            .toList();
        List<IndicatorStatus> noApprovedData = plan.indicators()
            .stream()
            .filter(indicator -> indicator.progress().latest() == null
                    || indicator.progress().latest().year() != plan.year())
            .map(IndicatorStatus::of)
            .toList();
        return new ProgressSummary(plan.year(), plan.indicators().size(), counts, bindingNotOnTrack, noApprovedData);
    }
}
