package org.ecoplan.indicator.catalog;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The optional filters of the indicator list; absent ones match everything.
 *
 * @param category a category name at any level of the path, e.g. 环境质量改善 or 空气环境质量
 * @param attribute binding or expected
 * @param department responsible department code
 * @param status the current progress status, e.g. {@code ON_TRACK} (see {@link IndicatorStatus})
 */
public record IndicatorFilter(String category, Attribute attribute, String department, String status) {

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (category != null) {
            // an equality match on an array field matches any element: every level of the path
            criteria = criteria.and("category").is(category);
        }
        if (attribute != null) {
            criteria = criteria.and("attribute").is(attribute);
        }
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        return criteria;
    }
}
