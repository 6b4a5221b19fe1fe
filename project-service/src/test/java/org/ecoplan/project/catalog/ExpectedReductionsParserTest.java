package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedReductionsParserTest {

    /** Rows: content text, then the expected reductions as pollutant=amount separated by spaces. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            （1）底泥清淤0.8万m³（60亩）。预计环境绩效：COD削减5吨/年、TN削减1.5吨/年、TP削减0.36吨/年、氨氮削减1.3吨/年。 | COD=5 TN=1.5 TP=0.36 NH3_N=1.3
            截污管网30公里。预计环境绩效：COD削减50吨/年、TN削减15吨/年、TP削减5吨/年、氨氮削减15吨/年。                | COD=50 TN=15 TP=5 NH3_N=15
            整治汽修行业喷漆工艺废气。预计环境效益：VOCs削减32.4吨/年。                                                  | VOCS=32.4
            预计环境效益：化学需氧量削减12吨/年，挥发性有机物削减3t/a。                                                  | COD=12 VOCS=3
            预计环境效益：NH3-N削减2吨/年、总磷削减0.5吨/年。                                                            | NH3_N=2 TP=0.5
            预计环境效益：氮氧化物削减8吨/年、NOx削减1.5t/a。                                                            | NOX=8 NOX=1.5
            预计环境效益：减少区域内无组织排放废气量，推动企业清洁改造。                                                 | none
            预计环境绩效：COD削减2万吨/年。                                                                              | none
            白鹤龙水库水域底泥重金属镉超标治理与修复。                                                                   | none
            """)
    void readsEveryQuantifiedReductionInTonnesPerYear(String content, String expected) {
        List<Reduction> expectedItems = expected == null ? List.of() : Arrays.stream(expected.split(" "))
                .map(item -> item.split("="))
                .map(pair -> new Reduction(Pollutant.valueOf(pair[0]), new BigDecimal(pair[1]),
                        ExpectedReductions.TONNES_PER_YEAR))
                .toList();

        assertThat(ExpectedReductionsParser.parse(content).items()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(expectedItems);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            底泥清淤。预计环境绩效：COD削减5吨/年。            | 预计环境绩效：COD削减5吨/年。
            废气治理。预计环境效益：减少无组织排放废气量。      | 预计环境效益：减少无组织排放废气量。
            新建生活污水处理设施13处，配套建设污水收集管网。    | none
            """)
    void keepsThePerformanceSentenceAsPrinted(String content, String expectedText) {
        assertThat(ExpectedReductionsParser.parse(content).text()).isEqualTo(expectedText);
    }
}
