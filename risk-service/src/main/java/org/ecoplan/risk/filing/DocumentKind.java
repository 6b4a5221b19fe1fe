package org.ecoplan.risk.filing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five documents of a filing (环发〔2015〕4号; REFERENCE §6), each named in URLs by its slug.
 */
public enum DocumentKind {
    FILING_FORM("filing-form", "突发环境事件应急预案备案表", "filing form"),
    PLAN("plan", "环境应急预案及编制说明", "the plan and its preparation note"),
    RISK_ASSESSMENT("risk-assessment", "环境风险评估报告", "risk assessment report"),
    RESOURCE_SURVEY("resource-survey", "环境应急资源调查报告", "emergency resource survey"),
    EXPERT_REVIEW("expert-review", "环境应急预案评审意见", "expert review opinion");

    private final String slug;

    private final String zh;

    private final String en;

    DocumentKind(String slug, String zh, String en) {
        this.slug = slug;
        this.zh = zh;
        this.en = en;
    }

    public String slug() {
        return slug;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<DocumentKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
