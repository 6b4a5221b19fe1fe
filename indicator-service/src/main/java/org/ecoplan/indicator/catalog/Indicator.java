package org.ecoplan.indicator.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One indicator of the plan's indicator system (表2 生态环境保护指标).
 *
 * @param seq        position in Table 2; its 序号 column is blank, so rows are numbered in print order
 * @param code       stable natural key, e.g. {@code AIR-PM25}
 * @param category   指标类别 path from the table, outermost first
 * @param department responsible department code ({@code env}, {@code dev}, {@code land}, {@code water})
 * @param footnote   the table's 备注 where it explains this row, otherwise null
 * @param targetHistory the targets this one replaced, oldest first (who and when: the audit trail)
 * @param version    optimistic-locking version, sent as the ETag
 */
@Document("indicators")
public record Indicator(
        @Id @JsonIgnore String id,
        int seq,
        String code,
        List<String> category,
        LocalizedName name,
        String unit,
        Baseline baseline,
        Target target,
        Attribute attribute,
        String department,
        String footnote,
        List<Target> targetHistory,
        @Version Long version) {

    public Indicator {
        targetHistory = targetHistory == null ? List.of() : List.copyOf(targetHistory);
    }

    /** An indicator as the plan states it, not stored yet: no target history, no version. */
    public Indicator(String id, int seq, String code, List<String> category, LocalizedName name, String unit,
            Baseline baseline, Target target, Attribute attribute, String department, String footnote) {
        this(id, seq, code, category, name, unit, baseline, target, attribute, department, footnote, List.of(),
                null);
    }
}
