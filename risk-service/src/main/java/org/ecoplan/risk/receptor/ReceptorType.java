package org.ecoplan.risk.receptor;

/** The kinds of 敏感保护目标 the plan names. */
public enum ReceptorType {
    DRINKING_WATER_SOURCE("饮用水水源地", "drinking-water source"),
    SCHOOL("学校", "school"),
    HOSPITAL("医院", "hospital"),
    RESIDENTIAL_AREA("居住区", "residential area"),
    NATURE_RESERVE("自然保护区", "nature reserve");

    private final String zh;

    private final String en;

    ReceptorType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
