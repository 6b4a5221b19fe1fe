package org.ecoplan.risk.calendar;

import java.util.List;

/**
 * One year's 国务院办公厅关于部分节假日安排的通知: its holidays and adjusted working days.
 *
 * @param year the year it arranges
 * @param notice its document number, e.g. {@code 国办发明电〔2024〕12号}
 * @param entries in date order; the first may lie in December of the year before, as the notice lists it
 */
public record HolidayNotice(int year, String notice, List<NoticeEntry> entries) {

    public HolidayNotice {
        entries = List.copyOf(entries);
    }
}
