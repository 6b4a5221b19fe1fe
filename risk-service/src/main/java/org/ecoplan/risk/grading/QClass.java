package org.ecoplan.risk.grading;

/**
 * The class of Q, 风险物质数量与临界量比值 (the sum of each risk substance's quantity on site over its critical
 * quantity), HJ 941-2018 5.1/6.1. Q0 (Q &lt; 1) grades the medium 一般 directly.
 */
public enum QClass {
    Q0, Q1, Q2, Q3
}
