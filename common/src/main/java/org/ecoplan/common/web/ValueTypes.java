package org.ecoplan.common.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.util.ClassUtils;

/**
 * Names a Java type the way an API client thinks of the JSON or query value, because error bodies must never
 * show Java class names.
 */
final class ValueTypes {

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(Integer.class, "an integer"), Map.entry(Long.class, "an integer"),
            Map.entry(Short.class, "an integer"), Map.entry(Byte.class, "an integer"),
            Map.entry(BigInteger.class, "an integer"), Map.entry(Double.class, "a number"),
            Map.entry(Float.class, "a number"), Map.entry(BigDecimal.class, "a number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(String.class, "a string"),
            Map.entry(Character.class, "a single character"), Map.entry(UUID.class, "a UUID"),
            Map.entry(LocalDate.class, "a date like 2025-12-31"),
            Map.entry(LocalDateTime.class, "a date and time like 2025-12-31T08:00:00"),
            Map.entry(LocalTime.class, "a time like 08:00:00"),
            Map.entry(Instant.class, "a UTC instant like 2025-12-31T00:00:00Z"),
            Map.entry(OffsetDateTime.class, "a date and time with offset like 2025-12-31T08:00:00+08:00"),
            Map.entry(ZonedDateTime.class, "a date and time with offset like 2025-12-31T08:00:00+08:00"),
            Map.entry(YearMonth.class, "a month like 2025-12"), Map.entry(Year.class, "a year like 2025"),
            Map.entry(Duration.class, "an ISO-8601 duration like PT15M"));

    private ValueTypes() {
    }

    /**
     * "an integer", "a date like 2025-12-31", "one of: AIR, WATER"; {@code enumName} gives each constant as the
     * client must spell it, which differs between JSON bodies (Jackson's naming) and query parameters
     * ({@link Enum#name()}).
     */
    static String describe(Class<?> type, Function<Enum<?>, String> enumName) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants())
                .map(constant -> enumName.apply((Enum<?>) constant))
                .collect(Collectors.joining(", "));
        }
        String name = NAMES.get(ClassUtils.resolvePrimitiveIfNecessary(type));
        if (name != null) {
            return name;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
