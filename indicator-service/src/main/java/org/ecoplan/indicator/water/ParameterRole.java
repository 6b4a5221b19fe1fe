package org.ecoplan.indicator.water;

/** What a parameter does in an assessment of one kind of water body. */
public enum ParameterRole {
    /** Classed, and the worst of these is the sample's class. */
    DECIDES,
    /** Classed and reported apart (参考指标单独评价); decides nothing. */
    REFERENCE,
    /** Neither classed nor deciding: the value is kept, but no limit applies. */
    NOT_EVALUATED
}
