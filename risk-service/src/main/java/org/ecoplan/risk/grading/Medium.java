package org.ecoplan.risk.grading;

/** The two media HJ 941-2018 grades separately: 突发大气环境事件 (air, clause 5) and 突发水环境事件 (water, clause 6). */
public enum Medium {
    AIR("大气", "air"),
    WATER("水", "water");

    private final String zh;

    private final String en;

    Medium(String zh, String en) {
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
