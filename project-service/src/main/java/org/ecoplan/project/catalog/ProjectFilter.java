package org.ecoplan.project.catalog;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ecoplan.project.progress.ScheduleStatus;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The optional filters of the project list and its export; absent ones match everything. The schedule filters
 * read the standing computed for today; the others are stored fields, which MongoDB filters.
 *
 * @param type        项目类型 as printed, e.g. 水生态环境提升
 * @param department  a department code, leading or cooperating
 * @param year        projects under way in that year: started by it and due to complete in it or later
 * @param delayedOnly only projects 进度滞后 ({@code DELAYED}) or 逾期未完工 ({@code OVERDUE})
 */
public record ProjectFilter(ProjectStatus status, ScheduleStatus scheduleStatus, String type, String department,
        @Min(Project.EARLIEST_YEAR) @Max(Project.LATEST_YEAR) Integer year, Boolean delayedOnly) {

    Criteria criteria() {
        List<Criteria> all = new ArrayList<>();
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (type != null) {
            all.add(Criteria.where("type").is(type));
        }
        if (department != null) {
            // an equality match on an array field matches any of its elements
            all.add(new Criteria().orOperator(Criteria.where("leadDepartment").is(department),
                    Criteria.where("cooperatingDepartments").is(department)));
        }
        if (year != null) {
            all.add(Criteria.where("startYear").lte(year).and("completionYear").gte(year));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** Whether the filter needs each project's standing, which is computed and cannot be queried. */
    boolean readsStanding() {
        return scheduleStatus != null || Boolean.TRUE.equals(delayedOnly);
    }

    boolean accepts(StandingSummary standing) {
        return (scheduleStatus == null || scheduleStatus == standing.scheduleStatus())
                && (!Boolean.TRUE.equals(delayedOnly) || standing.delayed());
    }
}
