package org.ecoplan.risk.grading;

/** The class of M, 生产工艺过程与环境风险控制水平 (process and risk-control score), HJ 941-2018 5.2/6.2. */
public enum MClass {
    M1, M2, M3, M4
}
