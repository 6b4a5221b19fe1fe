package org.ecoplan.project.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key project of the plan (表4 重点工程项目).
 *
 * @param code           stable natural key, {@code P2021-nn} in the order of Table 4
 * @param type           项目类型, the project's group in Tables 3 and 4 (水生态环境提升 …)
 * @param location       所在地 as printed
 * @param content        建设内容及规模, the full text as printed
 * @param leadDepartment department code of the lead unit ({@code env}, {@code dev}, {@code land}, {@code water})
 */
@Document("projects")
public record Project(
        @Id @JsonIgnore String id,
        String code,
        String type,
        LocalizedName name,
        String location,
        BuildNature buildNature,
        int startYear,
        int completionYear,
        String content,
        Investment totalInvestment,
        ExpectedReductions expectedReductions,
        String leadDepartment) {
}
