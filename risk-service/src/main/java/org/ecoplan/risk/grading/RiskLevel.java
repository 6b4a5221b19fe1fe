package org.ecoplan.risk.grading;

/**
 * An environmental risk level of HJ 941-2018, lowest first, with the letter a filing number carries
 * (REFERENCE §5, §6).
 */
public enum RiskLevel {
    GENERAL("一般", "general", "L"),
    LARGER("较大", "major", "M"),
    MAJOR("重大", "severe", "H");

    private final String zh;

    private final String en;

    private final String letter;

    RiskLevel(String zh, String en, String letter) {
        this.zh = zh;
        this.en = en;
        this.letter = letter;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String letter() {
        return letter;
    }

    /** The next level up (after a penalty or incident), or this one when already the highest. */
    public RiskLevel oneUp() {
        return this == MAJOR ? MAJOR : values()[ordinal() + 1];
    }
}
