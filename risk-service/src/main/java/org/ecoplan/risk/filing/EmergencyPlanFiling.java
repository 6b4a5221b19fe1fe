package org.ecoplan.risk.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 突发环境事件应急预案备案: an enterprise's filing of its emergency response plan with the county bureau, from draft
 * to filing number and on to its next review (环发〔2015〕4号; REFERENCE §6). One document holds the whole filing,
 * its submissions and return notices, so every change is a single-document write.
 *
 * @param enterpriseName as registered when the filing was created, renewed when it is filed
 * @param countyCode the enterprise's county (from its id {@code E-<county>-<serial>}), which files it
 * @param signedOn the day the plan was signed and issued (签署发布)
 * @param declaredLevel the risk level the enterprise declares in its plan
 * @param filedLevel the level it is filed at: the enterprise's graded level when the bureau accepted it, never the
 *        enterprise's own declaration; it is in the filing number, the public list and the receipt; null until filed
 * @param crossRegion whether its risk reaches across administrative regions (跨区域)
 * @param documents the current document of each kind, at most one per kind
 * @param replacedDocuments documents replaced by later uploads, kept with their files as the filing's history
 * @param filingDueOn the last day of the 20 working days after signing
 * @param late whether the first submission came after {@code filingDueOn}; null until submitted
 * @param lateWorkingDays by how many working days; null until submitted
 * @param checkDueOn the last day of the bureau's check of the latest submission
 * @param nextReviewDueOn three years after filing: the plan must be reviewed (回顾性评估) by then
 * @param revisionReason why the plan must be revised, once REVISION_REQUIRED
 */
@Document("emergency_plans")
public record EmergencyPlanFiling(@Id String id, String enterpriseId, LocalizedName enterpriseName,
        String countyCode, LocalDate signedOn, RiskLevel declaredLevel, boolean crossRegion, FilingStatus status,
        List<FiledDocument> documents, List<FiledDocument> replacedDocuments, LocalDate filingDueOn,
        boolean filingDueEstimated, Boolean late, Integer lateWorkingDays, List<Submission> submissions,
        LocalDate checkDueOn, List<ReturnNotice> returnNotices, String filingNumber, RiskLevel filedLevel,
        LocalDate filedOn, String filedBy, LocalDate nextReviewDueOn, String revisionReason, Instant createdAt, String createdBy,
        @Version Long version) {

    public EmergencyPlanFiling {
        documents = documents == null ? List.of() : List.copyOf(documents);
        replacedDocuments = replacedDocuments == null ? List.of() : List.copyOf(replacedDocuments);
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        returnNotices = returnNotices == null ? List.of() : List.copyOf(returnNotices);
    }

    public Optional<FiledDocument> document(DocumentKind kind) {
        return documents.stream().filter(document -> document.kind() == kind).findFirst();
    }

    /** The kinds still missing, in the order REFERENCE §6 lists them. */
    public List<DocumentKind> missingDocuments() {
        return List.of(DocumentKind.values()).stream().filter(kind -> document(kind).isEmpty()).toList();
    }

    Builder change() {
        return new Builder(this);
    }

    /** A changed copy; the version stays, so that saving it checks nobody changed the filing meanwhile. */
    static final class Builder {

        private final EmergencyPlanFiling from;

        private LocalizedName enterpriseName;

        private LocalDate signedOn;

        private RiskLevel declaredLevel;

        private boolean crossRegion;

        private FilingStatus status;

        private final List<FiledDocument> documents;

        private final List<FiledDocument> replacedDocuments;

        private LocalDate filingDueOn;

        private boolean filingDueEstimated;

        private Boolean late;

        private Integer lateWorkingDays;

        private final List<Submission> submissions;

        private LocalDate checkDueOn;

        private final List<ReturnNotice> returnNotices;

        private String filingNumber;

        private RiskLevel filedLevel;

        private LocalDate filedOn;

        private String filedBy;

        private LocalDate nextReviewDueOn;

        private String revisionReason;

        private Builder(EmergencyPlanFiling from) {
            this.from = from;
            this.enterpriseName = from.enterpriseName;
            this.signedOn = from.signedOn;
            this.declaredLevel = from.declaredLevel;
            this.crossRegion = from.crossRegion;
            this.status = from.status;
            this.documents = new ArrayList<>(from.documents);
            this.replacedDocuments = new ArrayList<>(from.replacedDocuments);
            this.filingDueOn = from.filingDueOn;
            this.filingDueEstimated = from.filingDueEstimated;
            this.late = from.late;
            this.lateWorkingDays = from.lateWorkingDays;
            this.submissions = new ArrayList<>(from.submissions);
            this.checkDueOn = from.checkDueOn;
            this.returnNotices = new ArrayList<>(from.returnNotices);
            this.filingNumber = from.filingNumber;
            this.filedLevel = from.filedLevel;
            this.filedOn = from.filedOn;
            this.filedBy = from.filedBy;
            this.nextReviewDueOn = from.nextReviewDueOn;
            this.revisionReason = from.revisionReason;
        }

        Builder details(LocalDate signedOn, RiskLevel declaredLevel, boolean crossRegion, LocalDate filingDueOn,
                boolean filingDueEstimated) {
            this.signedOn = signedOn;
            this.declaredLevel = declaredLevel;
            this.crossRegion = crossRegion;
            this.filingDueOn = filingDueOn;
            this.filingDueEstimated = filingDueEstimated;
            return this;
        }

        /** Puts the document in its kind's place; the one it replaces moves to the history. */
        Builder document(FiledDocument document) {
            from.document(document.kind()).ifPresent(replacedDocuments::add);
            documents.removeIf(existing -> existing.kind() == document.kind());
            documents.add(document);
            documents.sort((a, b) -> a.kind().compareTo(b.kind()));
            return this;
        }

        Builder submitted(Submission submission, boolean late, int lateWorkingDays) {
            this.status = FilingStatus.SUBMITTED;
            this.submissions.add(submission);
            this.checkDueOn = submission.checkDueOn();
            if (this.late == null) {
                this.late = late;
                this.lateWorkingDays = lateWorkingDays;
            }
            return this;
        }

        Builder returned(ReturnNotice notice) {
            this.status = FilingStatus.RETURNED;
            this.returnNotices.add(notice);
            this.checkDueOn = null;
            return this;
        }

        Builder filed(LocalizedName enterpriseName, FilingNumber number, LocalDate filedOn, String filedBy,
                LocalDate nextReviewDueOn) {
            this.status = FilingStatus.FILED;
            this.enterpriseName = enterpriseName;
            this.filingNumber = number.toString();
            this.filedLevel = number.level();
            this.filedOn = filedOn;
            this.filedBy = filedBy;
            this.nextReviewDueOn = nextReviewDueOn;
            this.checkDueOn = null;
            return this;
        }

        Builder status(FilingStatus status, String revisionReason) {
            this.status = status;
            this.revisionReason = revisionReason;
            return this;
        }

        EmergencyPlanFiling build() {
            return new EmergencyPlanFiling(from.id, from.enterpriseId, enterpriseName, from.countyCode, signedOn,
                    declaredLevel, crossRegion, status, documents, replacedDocuments, filingDueOn,
                    filingDueEstimated, late, lateWorkingDays, submissions, checkDueOn, returnNotices, filingNumber,
                    filedLevel, filedOn, filedBy, nextReviewDueOn, revisionReason, from.createdAt, from.createdBy, from.version);
        }
    }
}
