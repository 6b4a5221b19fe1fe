package org.ecoplan.common.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ecoplan.common.web.ApiProblem;
import org.springframework.http.MediaType;

/** The two file formats the bureau's spreadsheets exchange with the platform, as a {@code format} parameter names them. */
public enum SpreadsheetFormat {

    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv"),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx");

    private final MediaType mediaType;

    private final String extension;

    SpreadsheetFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<SpreadsheetFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(name)).findFirst();
    }

    /** @throws ApiProblem 400 naming the {@code format} parameter */
    public static SpreadsheetFormat requireNamed(String name) {
        return named(name).orElseThrow(() -> ApiProblem.badRequest("Unknown export format " + name,
                List.of(new ApiProblem.FieldError("format", "must be csv or xlsx"))));
    }
}
