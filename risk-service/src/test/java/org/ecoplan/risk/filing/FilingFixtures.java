package org.ecoplan.risk.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.Industry;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Enterprises, tokens, documents and requests the filing API tests share. */
final class FilingFixtures {

    static final String ENTERPRISE_A = "E-430602-0001";

    static final String ENTERPRISE_B = "E-430602-0002";

    static final String PATH = "/api/v1/emergency-plans";

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };

    /** An Excel workbook: a kind the platform recognises (progress reports take it), but no filing document. */
    static final byte[] XLSX = workbook();

    private FilingFixtures() {
    }

    static Enterprise enterprise(String id, String creditCode, RiskLevel level) {
        return new Enterprise(id, new LocalizedName("测试企业" + id, "Test enterprise " + id), creditCode,
                "湖南省岳阳市岳阳楼区", null, new Industry("C2662", "专项化学用品制造"), List.of(), "env", false, null, level,
                null, null, null, null, null);
    }

    static TestJwts.Token enterpriseA() {
        return TestJwts.token("enterprise-a", PlatformRoles.ENTERPRISE).enterpriseId(ENTERPRISE_A);
    }

    static TestJwts.Token enterpriseB() {
        return TestJwts.token("enterprise-b", PlatformRoles.ENTERPRISE).enterpriseId(ENTERPRISE_B);
    }

    static TestJwts.Token reviewer() {
        return TestJwts.token("reviewer", PlatformRoles.PLAN_REVIEWER);
    }

    static TestJwts.Token viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER);
    }

    static Map<String, Object> request(String signedOn, String level, boolean crossRegion) {
        return Map.of("signedOn", signedOn, "declaredLevel", level, "crossRegion", crossRegion);
    }

    static byte[] bytes(int size) {
        byte[] content = Arrays.copyOf(PDF, size);
        Arrays.fill(content, PDF.length, size, (byte) 'x');
        return content;
    }

    static WebTestClient.ResponseSpec upload(WebTestClient client, TestJwts.Token who, String id, String kind,
            byte[] content, String filename, String eTag) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return client.put().uri(PATH + "/" + id + "/documents/" + kind)
            .headers(who.bearer())
            .header(HttpHeaders.IF_MATCH, eTag)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange();
    }

    private static byte[] workbook() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String part : List.of("[Content_Types].xml", "xl/workbook.xml")) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }
}
