package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classes one sample by GB 3838-2002. It stores nothing and reveals nothing about the bureau's data, so every
 * platform role may use it (common's security refuses tokens without one).
 */
@RestController
@RequestMapping("/api/v1/water-quality")
class ClassifyController {

    private final WaterClass waterClass;
    private final Gb3838Table table;

    ClassifyController(WaterClass waterClass, Gb3838Table table) {
        this.waterClass = waterClass;
        this.table = table;
    }

    @PostMapping("/classify")
    @Operation(summary = "Class a surface-water sample by GB 3838-2002 (single-factor method)")
    ClassificationResult classify(@RequestBody ClassifyRequest request) {
        Waterbody waterbody = request.waterbody() == null ? null
                : Arrays.stream(Waterbody.values()).filter(w -> w.name().equals(request.waterbody())).findFirst()
                        .orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        if (waterbody == null) {
            problems.add(new FieldProblem("waterbody", "must be one of "
                    + Arrays.stream(Waterbody.values()).map(Enum::name).toList()));
        }
        problems.addAll(waterClass.problems(waterbody, request.parameters()));
        WaterProblems.rejectIfAny(problems);
        return ClassificationResult.of(waterClass.classify(waterbody, request.parameters()), table.source());
    }

    /**
     * @param waterbody  {@code RIVER}, {@code LAKE} or {@code RESERVOIR}; read as text so that a wrong one is
     *                   reported together with every other problem of the request
     * @param parameters concentrations in mg/L (pH without unit) by name: {@code do}, {@code codmn}, {@code cod},
     *                   {@code bod5}, {@code nh3n}, {@code tp}, {@code tn}, {@code ph}; any subset
     */
    record ClassifyRequest(String waterbody, Map<String, BigDecimal> parameters) {
    }
}
