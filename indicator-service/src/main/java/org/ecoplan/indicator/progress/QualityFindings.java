package org.ecoplan.indicator.progress;

import java.util.List;

/** The data-quality findings, as every list of the API carries them. */
public record QualityFindings(List<QualityFinding> items, int total) {

    static QualityFindings of(List<QualityFinding> items) {
        return new QualityFindings(List.copyOf(items), items.size());
    }
}
