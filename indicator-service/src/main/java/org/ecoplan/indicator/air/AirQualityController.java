package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import org.ecoplan.common.web.RequestBodies;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Air quality by HJ 633-2012, HJ 663-2013 and GB 3095. Every platform role reads results and uses the calculator
 * (common's security requires one); importing data and deriving the plan's indicators is for
 * {@link AirDataReporters}.
 */
@RestController
@RequestMapping("/api/v1/air-quality")
class AirQualityController {

    private static final String REPORTERS = "@airDataReporters.allows(principal)";

    private final AirQualityService service;

    private final AirQualityProperties properties;

    AirQualityController(AirQualityService service, AirQualityProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @PostMapping("/aqi")
    @Operation(summary = "The daily AQI of 24 h means and the daily maximum 8 h O3 (HJ 633-2012)")
    Mono<AirQualityViews.AqiView> aqi(@RequestBody AqiRequest request) {
        return Mono.fromSupplier(() -> {
            ItemConcentrations concentrations = request.concentrations();
            LocalDate date = request.date() != null ? request.date() : LocalDate.now(HourlyMeasurement.LOCAL_TIME);
            AqiResult result = service.aqi(concentrations, date);
            return AirQualityViews.AqiView.of(result, concentrations, service.aqiEdition(date));
        });
    }

    @GetMapping("/categories")
    @Operation(summary = "The AQI levels of HJ 633-2012 Table 2 in force on a day (default today): AQI bands, "
            + "names in Chinese and English, the colours of Appendix A")
    Mono<List<AqiCategory>> categories(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return Mono.fromSupplier(() -> service.categories(date != null ? date
                : LocalDate.now(HourlyMeasurement.LOCAL_TIME)));
    }

    @PostMapping(path = "/hourly", consumes = { "text/csv", "text/plain" })
    @PreAuthorize(REPORTERS)
    @Operation(summary = "Import hourly monitoring data (CSV station,time,so2,no2,pm10,pm25,co,o3); all or nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv")))
    Mono<AirQualityService.ImportReport> importHourly(ServerWebExchange exchange) {
        return RequestBodies.bytes(exchange.getRequest().getBody(), properties.maxImportSize())
            .flatMap(service::importHourly);
    }

    @GetMapping("/daily")
    @Operation(summary = "Daily values, validity and AQI of a station, every day from..to (at most 366)")
    Mono<AirQualityViews.DailyView> daily(@RequestParam String station,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return service.daily(station, from, to)
            .map(days -> new AirQualityViews.DailyView(station, from, to,
                    days.stream().map(AirQualityViews.DayView::of).toList()));
    }

    @GetMapping("/annual")
    @Operation(summary = "A station-year by HJ 663-2013: annual statistics, good days, exceedances, compliance")
    Mono<AirQualityViews.AnnualView> annual(@RequestParam String station, @RequestParam int year) {
        return service.annual(station, year).map(result -> AirQualityViews.AnnualView.of(station, result));
    }

    @PostMapping("/annual/derive")
    @PreAuthorize(REPORTERS)
    @Operation(summary = "Record the plan station's year as derived observations of AIR-PM25 and AIR-GOOD-DAYS")
    Mono<AirQualityService.Derivations> derive(@RequestParam String station, @RequestParam int year) {
        return service.derive(station, year);
    }
}
