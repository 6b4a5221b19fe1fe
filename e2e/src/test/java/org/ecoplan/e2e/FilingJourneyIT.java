package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emergency plan's filing as its people do it in the browser: the enterprise files five documents through the
 * wizard, a reviewer checks them against the checklist and accepts or returns, the enterprise sees its filing
 * number and receipt, or the return notice. Each test files its own plan and finds it by its id, so filings other
 * tests leave behind for enterprise-a change nothing.
 */
@ExtendWith(TestPlatform.Resolver.class)
class FilingJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "enterprise-a";
    private static final String ENTERPRISE_ID = "E-430602-0001";
    private static final String REVIEWER = "reviewer";
    /**
     * The failed blocks of a screen: a service's error, a refused request. (Every Element Plus alert has the role
     * alert, the wizard's completeness check too; only the error ones are failures.)
     */
    private static final By FAILED = By.cssSelector(".state-error, [role=alert].el-alert--error");

    private static TestPlatform platform;

    @TempDir
    static Path documents;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
    }

    @Test
    void enterpriseFilesReviewerAcceptsEnterpriseDownloadsTheReceipt() throws Exception {
        enterpriseIsGraded();
        String id = fileAPlan("accept");

        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            logIn(chrome, REVIEWER);
            openInQueue(chrome, id, "accept");
            for (String kind : KINDS) {
                chrome.click(verdict(kind, "ok"));
            }
            chrome.screenshot("filing-accept-06-checklist-ticked");
            clickWhenEnabled(chrome, By.cssSelector("[data-test=accept]"));
            chrome.waitUntil(d -> chrome.textOf(By.cssSelector("[data-test=filing-status]")).equals("已备案"));
            assertThat(chrome.textOf(By.cssSelector("[data-test=filing-number]"))).isNotEqualTo("—");
            chrome.screenshot("filing-accept-07-accepted");
            assertClean(chrome, "the accepted review");
        }

        String filingNumber = filingFromApi(id).get("filingNumber").asText();
        assertThat(filingNumber).isNotBlank();
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            logIn(chrome, ENTERPRISE);
            chrome.open("/my-filings");
            chrome.waitUntilLoaded();
            assertThat(chrome.textOf(mine(id))).isEqualTo(filingNumber);
            chrome.screenshot("filing-accept-08-my-filings");
            chrome.click(mine(id));
            assertThat(chrome.textOf(By.cssSelector("[data-test=filed]"))).contains(filingNumber);
            chrome.waitUntilLoaded();
            chrome.screenshot("filing-accept-09-filed");
            String receipt = chrome.find(By.cssSelector("[data-test=receipt]")).getDomAttribute("href");

            PortalChrome.Fetched pdf = chrome.fetch(receipt);

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.contentDisposition()).contains("receipt-" + filingNumber + ".pdf");
            assertClean(chrome, "the filed filing");
        }
    }

    @Test
    void reviewerReturnsAFilingAndTheEnterpriseSeesTheNotice() throws Exception {
        String id = fileAPlan("return");
        String problem = "预案未加盖公章 e2e " + id;

        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            logIn(chrome, REVIEWER);
            openInQueue(chrome, id, "return");
            for (String kind : KINDS) {
                chrome.click(verdict(kind, kind.equals("PLAN") ? "deficient" : "ok"));
            }
            // Element Plus hands an input's attributes to its textarea, not to the wrapper.
            chrome.waitFor(By.cssSelector("textarea[data-test=problem-PLAN]")).sendKeys(problem);
            chrome.screenshot("filing-return-06-checklist-deficient");
            clickWhenEnabled(chrome, By.cssSelector("[data-test=return]"));
            chrome.waitUntil(d -> chrome.textOf(By.cssSelector("[data-test=filing-status]")).equals("退回补正"));
            chrome.screenshot("filing-return-07-returned");
            assertClean(chrome, "the returned review");
        }

        assertThat(filingFromApi(id).get("status").asText()).isEqualTo("RETURNED");
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            logIn(chrome, ENTERPRISE);
            chrome.open("/my-filings");
            chrome.waitUntilLoaded();
            chrome.waitFor(mine(id));
            assertThat(chrome.textOf(By.xpath("//tr[.//a[@data-test='filing-" + id + "']]"))).contains("请于");
            chrome.screenshot("filing-return-08-my-filings");
            chrome.click(mine(id));

            String notice = chrome.textOf(By.cssSelector("[data-test=return-notice]"));

            chrome.waitUntilLoaded();
            chrome.screenshot("filing-return-09-notice");
            assertThat(notice).contains("环境应急预案及编制说明").contains(problem);
            // Returned for correction: the wizard lets the enterprise replace documents and submit again.
            chrome.waitFor(By.cssSelector("input[data-test=upload-PLAN]"));
            assertClean(chrome, "the return notice");
        }
    }

    private static final List<String> KINDS = List.of(
            "FILING_FORM", "PLAN", "RISK_ASSESSMENT", "RESOURCE_SURVEY", "EXPERT_REVIEW");

    /**
     * enterprise-a files a plan through the wizard: basics, the five documents (each upload's progress shown),
     * the completeness check, submit. Returns the new filing's id.
     */
    private static String fileAPlan(String journey) throws IOException {
        Map<String, Path> files = documentsFor(journey);
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            logIn(chrome, ENTERPRISE);
            chrome.open("/my-filings");
            chrome.waitUntilLoaded();
            chrome.click(By.cssSelector("[data-test=new-filing]"));
            chrome.waitFor(By.cssSelector("[data-test=filing-basics]"));

            WebElement signedOn = chrome.waitFor(By.cssSelector("input[name=signedOn]"));
            signedOn.click();
            signedOn.sendKeys(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), Keys.ENTER);
            chrome.click(By.xpath("//form[@data-test='filing-basics']//label[.//input[@value='MAJOR']]"));
            chrome.screenshot("filing-" + journey + "-02-basics");
            chrome.click(By.cssSelector("[data-test=filing-basics] button[type=submit]"));

            String route = chrome.waitUntil(d -> chrome.route().matches("/my-filings/(?!new)[^/]+")
                    ? chrome.route() : null);
            String id = route.substring("/my-filings/".length());
            chrome.waitUntilLoaded();
            assertThat(chrome.textOf(By.cssSelector("[data-test=incomplete]"))).contains("环境风险评估报告");
            chrome.screenshot("filing-" + journey + "-03-documents");

            for (String kind : KINDS) {
                chrome.waitFor(By.cssSelector("input[data-test=upload-" + kind + "]:not([disabled])"))
                        .sendKeys(files.get(kind).toString());
                assertThat(chrome.textOf(By.cssSelector("[data-test=document-" + kind + "]")))
                        .isEqualTo(files.get(kind).getFileName().toString());
                chrome.waitUntil(d -> "100".equals(chrome.find(By.cssSelector("[data-test=progress-" + kind + "]"))
                        .getDomAttribute("aria-valuenow")));
            }
            chrome.waitFor(By.cssSelector("[data-test=complete]"));
            chrome.screenshot("filing-" + journey + "-04-complete");
            assertClean(chrome, "the filing wizard");

            clickWhenEnabled(chrome, By.cssSelector("[data-test=submit-filing]"));
            chrome.waitFor(By.cssSelector("[data-test=under-review]"));
            assertThat(chrome.textOf(By.cssSelector("[data-test=filing-status]"))).isEqualTo("待审查");
            chrome.screenshot("filing-" + journey + "-05-submitted");
            assertClean(chrome, "the submitted filing");
            assertThat(filingFromApi(id).get("status").asText()).isEqualTo("SUBMITTED");
            return id;
        }
    }

    /**
     * A filing is accepted at the bureau's grade of the enterprise (the plan declares MAJOR, never below it), so
     * enterprise-a needs one: an editor of its department enters its risk sources unless it is graded already.
     */
    private static void enterpriseIsGraded() throws Exception {
        String path = "/api/v1/enterprises/" + ENTERPRISE_ID;
        String editor = platform.keycloak().userToken("env-editor");
        HttpResponse<String> enterprise = platform.get(path, editor);
        assertThat(enterprise.statusCode()).isEqualTo(200);
        if (!JSON.readTree(enterprise.body()).path("riskLevel").isTextual()) {
            HttpRequest grading = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path + "/risk-sources"))
                    .timeout(TestPlatform.REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/json")
                    .header("If-Match", enterprise.headers().firstValue("ETag").orElseThrow())
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"substances": [{"cas": "71-43-2", "maxQuantity": 50}], "processUnits": [],
                             "air": {"controlScore": 10, "e": "E2", "reasons": ["城陵矶临港新区"]},
                             "water": {"controlScore": 10, "e": "E2", "reasons": ["雨水排入长江"]}}
                            """))
                    .build();
            int status = HttpClient.newHttpClient().send(grading, HttpResponse.BodyHandlers.ofString()).statusCode();
            // 412: another test graded it in between, which serves as well.
            assertThat(status).isIn(200, 412);
        }
        assertThat(JSON.readTree(platform.get(path, editor).body()).path("riskLevel").isTextual())
                .as("enterprise-a graded").isTrue();
    }

    /** The reviewer's queue lists the filing, the fewest working days left first; its review screen opens. */
    private static void openInQueue(PortalChrome chrome, String id, String journey) {
        chrome.open("/reviews");
        chrome.waitFor(By.cssSelector("[data-test=review-queue]"));
        chrome.waitUntilLoaded();
        chrome.screenshot("filing-" + journey + "-05-review-queue");
        chrome.waitFor(By.cssSelector("[data-test=review-" + id + "]"));
        List<Integer> daysLeft = chrome.findAll(By.cssSelector("[data-test=days-left]")).stream()
                .map(tag -> Integer.valueOf(tag.getDomAttribute("data-days"))).toList();
        assertThat(daysLeft).isSorted();
        assertClean(chrome, "the review queue");
        chrome.click(By.cssSelector("[data-test=review-" + id + "]"));
        chrome.waitFor(By.cssSelector("[data-test=verdict-FILING_FORM]"));
        chrome.waitUntilLoaded();
        assertThat(chrome.textOf(By.cssSelector("[data-test=filing-status]"))).isEqualTo("待审查");
    }

    /**
     * Logs in and waits for the start screen (a reviewer's overview, an enterprise's filings) to be shown: an
     * address opened while the portal's first navigation is still under way would be lost.
     */
    private static void logIn(PortalChrome chrome, String username) {
        chrome.logIn(username, Keycloak.DEMO_PASSWORD);
        chrome.waitFor(By.cssSelector(username.equals(REVIEWER)
                ? "[data-test=panel-filings]" : "[data-test=new-filing]"));
        chrome.waitUntilLoaded();
    }

    private static By verdict(String kind, String verdict) {
        return By.xpath("//*[@data-test='verdict-" + kind + "']//label[.//input[@value='" + verdict + "']]");
    }

    private static By mine(String id) {
        return By.cssSelector("a[data-test='filing-" + id + "']");
    }

    /** A button the page enables once its form allows it: clicking it while still disabled would do nothing. */
    private static void clickWhenEnabled(PortalChrome chrome, By button) {
        chrome.waitUntil(d -> d.findElement(button).isEnabled());
        chrome.click(button);
    }

    private static void assertClean(PortalChrome chrome, String screen) {
        assertThat(chrome.findAll(FAILED)).extracting(WebElement::getText).as("failed blocks on " + screen)
                .isEmpty();
        assertThat(chrome.consoleErrors()).as("console errors on " + screen).isEmpty();
    }

    private static JsonNode filingFromApi(String id) throws IOException {
        try {
            HttpResponse<String> response = platform.get("/api/v1/emergency-plans/" + id, platform.keycloak().userToken(ENTERPRISE));
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Five small documents of the types risk-service accepts (it reads the type from the content): PDF, DOCX,
     * PNG and JPEG, each a valid file of its kind.
     */
    private static Map<String, Path> documentsFor(String journey) throws IOException {
        Path folder = Files.createDirectories(documents.resolve(journey));
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("FILING_FORM", Files.write(folder.resolve("备案表.pdf"), pdf("Filing form")));
        files.put("PLAN", Files.write(folder.resolve("应急预案.docx"), docx()));
        files.put("RISK_ASSESSMENT", Files.write(folder.resolve("风险评估报告.pdf"), pdf("Risk assessment")));
        files.put("RESOURCE_SURVEY", Files.write(folder.resolve("资源调查.png"), image("png")));
        files.put("EXPERT_REVIEW", Files.write(folder.resolve("评审意见.jpg"), image("jpg")));
        return files;
    }

    /** A one-page PDF with a correct cross-reference table. */
    private static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        Arrays.stream(offsets).forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The smallest Word 2007 package: content types, the package relationship and the main document part. */
    private static byte[] docx() throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:r><w:t>突发环境事件应急预案</w:t></w:r></w:p></w:body>
                </w:document>""");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x2E7D32);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes)).as("an ImageIO writer for " + format).isTrue();
        return bytes.toByteArray();
    }
}
