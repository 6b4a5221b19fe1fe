package org.ecoplan.risk.grading;

/**
 * An environmental risk level of HJ 941-2018, lowest first, with the letter a filing number carries
 * (REFERENCE §5, §6). The constants translate the standard's words word for word (较大 "larger", 重大 "major") and
 * are what the API and the stored records carry; the English labels, which the portal's English shows, are the
 * reference's (较大 major, 重大 severe).
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

    /** The level the standard writes as {@code zh}, e.g. 较大. */
    public static RiskLevel ofZh(String zh) {
        for (RiskLevel level : values()) {
            if (level.zh.equals(zh)) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a level of HJ 941-2018: " + zh);
    }

    /** The higher of the two, as the enterprise's level is the higher of air and water (HJ 941-2018 7.1). */
    public RiskLevel higher(RiskLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The next level up (after a penalty or incident), or this one when already the highest. */
    public RiskLevel oneUp() {
        return this == MAJOR ? MAJOR : values()[ordinal() + 1];
    }
}
