package org.ecoplan.project.quality;

import java.util.List;

/** The findings, as every list of the API carries them. */
public record QualityReport(List<QualityFinding> items, int total) {

    static QualityReport of(List<QualityFinding> items) {
        return new QualityReport(List.copyOf(items), items.size());
    }
}
