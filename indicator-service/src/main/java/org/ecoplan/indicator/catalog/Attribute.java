package org.ecoplan.indicator.catalog;

/** 指标属性: whether the plan binds itself to an indicator or only expects it. */
public enum Attribute {
    /** 约束性 binding indicator: the plan must meet it. */
    BINDING("约束性"),
    /** 预期性 expected indicator: a direction the plan aims at. */
    EXPECTED("预期性");

    private final String label;

    Attribute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
