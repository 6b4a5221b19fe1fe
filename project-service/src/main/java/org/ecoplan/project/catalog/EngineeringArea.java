package org.ecoplan.project.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key engineering area of the plan (表3 重点工程与重点项目体系): a 重点领域 within its 类别, with the
 * 重点工程 the plan names for it. Projects point to their area by {@link Project#areaCode()}.
 *
 * @param code        stable natural key, {@code A2021-nn} in the order of Table 3
 * @param category    类别 as printed; Table 4 spells one of them differently in its 项目类型 (农村农业污染防治 here,
 *                    农业农村污染防治 there), and both are kept as printed
 * @param field       重点领域, Chinese as printed with an English rendering
 * @param engineering the 重点工程 cell's works, each as printed
 */
@Document("engineering_areas")
public record EngineeringArea(
        @Id @JsonIgnore String id,
        String code,
        String category,
        LocalizedName field,
        List<String> engineering) {

    public EngineeringArea {
        engineering = engineering == null ? List.of() : List.copyOf(engineering);
    }
}
