package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ecoplan.project.catalog.ExpectedReductions.Reduction;

/**
 * Reads the expected reductions out of a project's 建设内容及规模 text, where the plan writes them as
 * "预计环境绩效：COD削减5吨/年、TN削减1.5吨/年…" (or 预计环境效益).
 */
final class ExpectedReductionsParser {

    private static final Pattern SENTENCE = Pattern.compile("预计环境(?:绩效|效益)[：:].*$", Pattern.DOTALL);

    private static final Map<String, Pollutant> BY_SPELLING = new HashMap<>();

    private static final Pattern REDUCTION;

    static {
        for (Pollutant pollutant : Pollutant.values()) {
            pollutant.spellings().forEach(spelling -> BY_SPELLING.put(spelling, pollutant));
        }
        // Longest spellings first, so that the alternation never settles for a prefix of a longer name.
        String names = BY_SPELLING.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // Only tonnes per year: an amount in another unit (万吨/年, kg/a) stays in the text unparsed rather
        // than entering the roll-up a factor off.
        REDUCTION = Pattern.compile("(" + names + ")削减(\\d+(?:\\.\\d+)?)(?:吨/年|t/a)");
    }

    private ExpectedReductionsParser() {
    }

    static ExpectedReductions parse(String content) {
        Matcher sentence = SENTENCE.matcher(content);
        if (!sentence.find()) {
            return new ExpectedReductions(null, List.of());
        }
        String text = sentence.group().strip();
        List<Reduction> items = new ArrayList<>();
        Matcher reduction = REDUCTION.matcher(text);
        while (reduction.find()) {
            items.add(new Reduction(BY_SPELLING.get(reduction.group(1)), new BigDecimal(reduction.group(2)),
                    ExpectedReductions.TONNES_PER_YEAR));
        }
        return new ExpectedReductions(text, items);
    }
}
