package org.ecoplan.risk.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    OfficialCalendar officialCalendar() {
        return OfficialCalendar.fromClasspath();
    }
}
