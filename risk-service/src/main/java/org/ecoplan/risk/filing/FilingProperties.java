package org.ecoplan.risk.filing;

import java.time.Period;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxDocumentSize the largest document accepted; a scanned plan of a few hundred pages stays below 50 MB
 * @param filingWindowWorkingDays working days after signing within which a plan is filed (环发〔2015〕4号)
 * @param checkWorkingDays working days the bureau has to check a submission (环发〔2015〕4号)
 * @param refileWorkingDays working days the enterprise gets to refile after a return; the rules set none, this is
 *        the bureau's practice
 * @param reviewInterval how often a plan is reviewed (at least every three years)
 * @param reminderDays calendar days before the review deadline at which the bureau's list reminds, largest first
 * @param bureau the filing authority as the receipt names it
 * @param receiptFonts TrueType fonts (or collections) with Chinese glyphs, tried in order, to embed in receipts
 */
@Validated
@ConfigurationProperties("ecoplan.filings")
public record FilingProperties(@NotNull @DefaultValue("50MB") DataSize maxDocumentSize,
        @Min(1) @DefaultValue("20") int filingWindowWorkingDays, @Min(1) @DefaultValue("5") int checkWorkingDays,
        @Min(1) @DefaultValue("10") int refileWorkingDays, @NotNull @DefaultValue("P3Y") Period reviewInterval,
        @NotEmpty @DefaultValue({ "90", "30" }) List<Integer> reminderDays,
        @NotBlank @DefaultValue("岳阳市生态环境局岳阳楼分局") String bureau,
        @NotNull @DefaultValue({ "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" }) List<String> receiptFonts) {

    public FilingProperties {
        reminderDays = reminderDays.stream().sorted((a, b) -> b - a).toList();
    }
}
