package org.ecoplan.risk.receptor;

import org.ecoplan.common.i18n.LocalizedName;

/** The kinds of 敏感保护目标 the plan names. */
public enum ReceptorType {
    DRINKING_WATER_SOURCE(new LocalizedName("饮用水水源地", "drinking-water source")),
    SCHOOL(new LocalizedName("学校", "school")),
    HOSPITAL(new LocalizedName("医院", "hospital")),
    RESIDENTIAL_AREA(new LocalizedName("居住区", "residential area")),
    NATURE_RESERVE(new LocalizedName("自然保护区", "nature reserve"));

    private final LocalizedName label;

    ReceptorType(LocalizedName label) {
        this.label = label;
    }

    public LocalizedName label() {
        return label;
    }
}
