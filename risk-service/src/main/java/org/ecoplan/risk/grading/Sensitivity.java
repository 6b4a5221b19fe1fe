package org.ecoplan.risk.grading;

/**
 * E, 环境风险受体敏感程度: how sensitive the surroundings are, assessed for air and for water on their own
 * (HJ 941-2018 5.3/6.3). E1 is the most sensitive (e.g. more than 50 000 people within 5 km, or a drinking-water
 * source downstream), E3 the least.
 */
public enum Sensitivity {
    E1, E2, E3
}
