package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Tables 3 and 4 as the API serves them after seeding, field by field against the plan's text (the rows below are
 * copied from {@code eco-plan-2021-2025.zh.txt}, not from the seed files). Shares ProjectApiTest's context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class CatalogSeedTest {

    @Autowired
    private WebTestClient client;

    /** Rows: code | 类别 | 重点领域 | 重点工程, the works of a cell separated by " // ". */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            A2021-01 | 水生态环境提升 | 饮用水水源保护 | 岳阳楼区郭镇乡饮用水地生态保护项目
            A2021-02 | 水生态环境提升 | 重点流域保护与治理 | 区域内重点河湖水系连通工程，洞庭湖（岳阳）流域、东风湖、芭蕉湖水生态环境综合整治等、王家河水域环境综合整治工程。
            A2021-03 | 水生态环境提升 | 河流湿地水生态保护与修复 | 岳阳楼区奇家岭南湖段水域生态保护和修复工程
            A2021-04 | 水生态环境提升 | 不达标水体治理 | 东风湖-吉家湖、南湖水环境综合治理等
            A2021-05 | 水生态环境提升 | 城镇污水治理水平提升 | 南津港及马壕污水处理厂尾水湿地净化工程。
            A2021-06 | 水生态环境提升 | 排污口整治 | 东洞庭湖排污排渍口整治等。
            A2021-07 | 重点区域大气环境治理 | 重点行业挥发性有机物综合治理 | 区域内VOCs重点排污单位挥发性有机物综合治理。
            A2021-08 | 土壤管控与修复 | 受污染地块管控与修复 | 巴陵石化己内酰胺事业部退出后地块评估与修复 // 郭镇乡枣树村21亩基本农田镉超标农业面源污染修复治理项目
            A2021-09 | 农村农业污染防治 | 农村黑臭水体治理 | 全区及乡镇列入控制的黑臭水体、沟渠水池整治。
            A2021-10 | 农村农业污染防治 | 农村生活污水治理 | 岳阳楼区农村生活污水处理设施建设，尾水处理设施建设、配套污水收集管网建设等。
            A2021-11 | 农村农业污染防治 | 农业面源综合治理 | 郭镇乡内重点小流域农业面源污染综合防治。
            A2021-12 | 农村农业污染防治 | 农村人居环境整治 | 郭镇乡生活垃圾分类化体系建设，人居环境综合整治。 // 临港新区石板堰港生态修复及花果畈垃圾场片区综合治理项目
            A2021-13 | 生态保护及监管 | 自然保护地和生态红线监管、生物多样性保护、生态修复 | 洞庭湖岳阳楼段岸线生态保护与生态修复
            A2021-14 | 生态环境治理能力提升 | 生态环境信息化建设等。 | 饮用水源地预警系统建设等。
            """)
    void everyTable3AreaIsSeededAsPrinted(String code, String category, String field, String engineering) {
        JsonNode area = get("/api/v1/projects/areas/" + code);

        assertThat(area.get("code").asString()).isEqualTo(code);
        assertThat(area.get("category").asString()).isEqualTo(category);
        assertThat(area.at("/field/zh").asString()).isEqualTo(field);
        assertThat(area.at("/field/en").asString()).isNotBlank();
        assertThat(area.get("engineering").valueStream().map(JsonNode::asString))
                .containsExactly(engineering.split(" // "));
        assertThat(area.has("id")).as("internal id is not part of the API").isFalse();
    }

    @Test
    void areasListInTableOrderWithTheirCategoriesAsPrinted() {
        JsonNode page = get("/api/v1/projects/areas?size=200");

        assertThat(page.get("total").asInt()).isEqualTo(14);
        assertThat(page.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 14)
                        .mapToObj(n -> "A2021-%02d".formatted(n)).toList());
        // Table 3 spells the fourth category 农村农业污染防治 where Table 4 and the text before it say 农业农村污染防治.
        assertThat(page.get("items").valueStream().map(item -> item.get("category").asString()).distinct())
                .containsExactly("水生态环境提升", "重点区域大气环境治理", "土壤管控与修复", "农村农业污染防治", "生态保护及监管",
                        "生态环境治理能力提升");
    }

    /**
     * Rows: code | 项目类型 | 项目名称 | 所在地 | 建设性质 | 开工年份 | 竣工年份 | 总投资（万元） | area | lead | cooperating
     * (space-separated) | parsed reductions | performance sentence | 建设内容及规模.
     */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            P2021-01 | 水生态环境提升 | 岳阳市岳阳楼区郭镇乡麻布村芭蕉水库综合整治项目 | 岳阳-岳阳楼区 | 新建 | 2021 | 2022 | 230000 | A2021-02 | water | env | COD=5 TN=1.5 TP=0.36 NH3_N=1.3 | 预计环境绩效：COD削减5吨/年、TN削减1.5吨/年、TP削减0.36吨/年、氨氮削减1.3吨/年。 | （1）底泥清淤0.8万m³（60亩），（2）生态护坡（含边坡修缮）4千米，（3）周边新建生活污水纳污管道6千米,（4）环保宣传警示牌5个。预计环境绩效：COD削减5吨/年、TN削减1.5吨/年、TP削减0.36吨/年、氨氮削减1.3吨/年。
            P2021-02 | 水生态环境提升 | 东风湖-吉家湖截污及周边企业整治（续建工程） | 岳阳-岳阳楼区 | 续建 | 2021 | 2025 | 10000 | A2021-04 | water | env | COD=50 TN=15 TP=5 NH3_N=15 | 预计环境绩效：COD削减50吨/年、TN削减15吨/年、TP削减5吨/年、氨氮削减15吨/年。 | 截污管网30公里及周边40家企业整治。城镇污水处理建设与改造、配套管网工程、污泥处置设施建设、工业企业达标整治，河湖生态缓冲修复、河湖水生植被恢复。预计环境绩效：COD削减50吨/年、TN削减15吨/年、TP削减5吨/年、氨氮削减15吨/年。
            P2021-03 | 水生态环境提升 | 岳阳楼区入湖排污口规范建设及口综合整治 | 岳阳-岳阳楼区 | 新建 | 2021 | 2025 | 30000 | A2021-06 | env | water | COD=100 TN=30 TP=10 NH3_N=30 | 预计环境绩效：COD削减100吨/年、TN削减30吨/年、TP削减10吨/年、氨氮削减30吨/年。 | 11处入洞庭湖排污口综合整治，建设污水管网15公里。对岳阳楼区范围内排入洞庭湖的10处排污口、排入东风湖、吉家湖、王家河、芭蕉湖等湖的70余处排污口进行整治及规范化建设，建立规范化排口，健全日常监管体系，保证各排口出水达标率。预计环境绩效：COD削减100吨/年、TN削减30吨/年、TP削减10吨/年、氨氮削减30吨/年。
            P2021-04 | 重点区域大气环境治理 | 中心城区汽修行业喷漆工艺有机废气治理 | 岳阳-岳阳楼区 | 新建 | 2021 | 2025 | 4000 | A2021-07 | env | none | VOCS=32.4 | 预计环境效益：VOCs削减32.4吨/年。 | 岳阳楼区范围目前有一、二类汽修行业200家左右。因大部分汽修行业均未按要求配套建设有机废气收集处理装置，年产生VOCs有机废气约180吨左右有机废气直排大气环境。经集中有效整治汽修行业喷漆工艺废气，能对中心城区空气质量及居民生活环境得到较大改善。预计环境效益：VOCs削减32.4吨/年。
            P2021-05 | 重点区域大气环境治理 | 清洁生产实施项目 | 岳阳-岳阳楼区 | 在建 | 2020 | 2022 | 400 | A2021-07 | env | dev | none | 预计环境效益：减少区域内无组织排放废气量，推动企业清洁改造。 | 建设内容包括：新增废气收集装置、冲床设备更新、电镀车间地面改造及内部管理提升等方面。预计环境效益：减少区域内无组织排放废气量，推动企业清洁改造。
            P2021-06 | 土壤管控与修复 | 巴陵石化己内酰胺原址地块场地修复 | 岳阳-岳阳楼区 | 新建 | 2022 | 2025 | 150000 | A2021-08 | env | land | none | 预计环境效益：改善沿江1公里范围内生态环境风貌，消除土壤污染隐患。 | 巴陵石化己内酰胺产业链完成异地迁建后，对原厂区开展土壤污染状况调查及风险评估等相关工作，确定土壤环境质量是否符合日后开发利用要求，制定治理修复措施。落实巴陵石化等企业污染防治主体责任，督促、引导和支持巴陵石化加强腾退土地污染风险管控和治理修复，合理确定企业腾退土地中污染地块的土地利用。对搬迁后原址约1500亩地块进行土壤生态修复。预计环境效益：改善沿江1公里范围内生态环境风貌，消除土壤污染隐患。
            P2021-07 | 土壤管控与修复 | 白鹤龙水库泥底重污染治理项目 | 岳阳-岳阳楼区 | 新建 | 2021 | 2025 | 10000 | A2021-08 | env | water | none | none | 白鹤龙水库水域底泥重金属镉超标治理与修复。
            P2021-08 | 农业农村污染防治 | 岳阳楼区农村生活污水治理项目 | 岳阳-岳阳楼区 | 新建 | 2021 | 2025 | 5000 | A2021-10 | env | land | none | none | 新建生活污水处理设施13处，配套建设污水收集管网30140m，新建散户三/四格池479个。
            """)
    void everyTable4ProjectIsSeededAsPrinted(String code, String type, String name, String location, String nature,
            int startYear, int completionYear, String investment, String areaCode, String lead, String cooperating,
            String reductions, String performance, String content) {
        JsonNode project = get("/api/v1/projects/" + code);

        assertThat(project.get("code").asString()).isEqualTo(code);
        assertThat(project.get("type").asString()).isEqualTo(type);
        assertThat(project.at("/name/zh").asString()).isEqualTo(name);
        assertThat(project.at("/name/en").asString()).isNotBlank();
        assertThat(project.get("location").asString()).isEqualTo(location);
        assertThat(BuildNature.valueOf(project.get("buildNature").asString()).label()).isEqualTo(nature);
        assertThat(project.get("startYear").asInt()).isEqualTo(startYear);
        assertThat(project.get("completionYear").asInt()).isEqualTo(completionYear);
        assertThat(project.get("content").asString()).isEqualTo(content);
        assertThat(project.at("/totalInvestment/amount").decimalValue()).isEqualByComparingTo(investment);
        assertThat(project.at("/totalInvestment/unit").asString()).isEqualTo("万元");
        assertThat(project.get("areaCode").asString()).isEqualTo(areaCode);
        assertThat(project.get("leadDepartment").asString()).isEqualTo(lead);
        assertThat(project.get("cooperatingDepartments").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(cooperating == null ? List.of() : Arrays.asList(cooperating.split(" ")));
        assertThat(project.at("/expectedReductions/text").isNull() ? null
                : project.at("/expectedReductions/text").asString()).isEqualTo(performance);
        assertThat(project.at("/expectedReductions/items").valueStream()
                .map(item -> item.get("pollutant").asString() + "=" + item.get("amount").decimalValue().toPlainString()
                        + " " + item.get("unit").asString()))
                .containsExactlyElementsOf(reductions == null ? List.of()
                        : Arrays.stream(reductions.split(" ")).map(item -> item + " t/a").toList());
        assertThat(project.get("status").asString()).isEqualTo(nature.equals("新建") ? "PLANNED" : "UNDER_CONSTRUCTION");
        assertThat(project.get("statusHistory").size()).isZero();
        assertThat(project.get("milestones").size()).isZero();
        assertThat(project.get("modifications").size()).isZero();
    }

    @Test
    void everyAreaListsItsProjectsAndEveryProjectHasAnArea() {
        assertThat(get("/api/v1/projects/areas/A2021-08").get("projects").valueStream()
                .map(project -> project.get("code").asString())).containsExactly("P2021-06", "P2021-07");
        assertThat(get("/api/v1/projects/areas/A2021-07").get("projects").valueStream()
                .map(project -> project.get("code").asString())).containsExactly("P2021-04", "P2021-05");
        assertThat(get("/api/v1/projects/areas/A2021-13").get("projects").size()).isZero();
    }

    @Test
    void unknownAreaIsA404Problem() {
        client.get().uri("/api/v1/projects/areas/A2021-99").headers(TestJwts.token("viewer",
                PlatformRoles.BUREAU_VIEWER).bearer()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no engineering area with code A2021-99");
    }

    private JsonNode get(String uri) {
        return client.get().uri(uri).headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
