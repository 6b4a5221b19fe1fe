package org.ecoplan.indicator.catalog;

/** Which way a numeric indicator improves. */
public enum Direction {
    LOWER_IS_BETTER("越低越好"),
    HIGHER_IS_BETTER("越高越好");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
