package org.ecoplan.project.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.upload.FileKind;
import org.ecoplan.common.upload.FileSample;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The files of progress reports, in GridFS (bucket {@code fs} of the service's database), each with its report's
 * project and period in its metadata. Files are stored before the report that names them: should the report's
 * write then fail, they are removed again, and should the service die in between, what remains is a file no report
 * names, never a report naming a missing file.
 */
@Component
class ReportAttachments {

    private static final int MAX_FILENAME = 255;

    /** What a progress report may carry: documents, tables of figures, photos of the site. */
    private static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX,
            FileKind.JPEG, FileKind.PNG);

    private final ReactiveGridFsTemplate gridFs;

    private final ProgressProperties.Attachments limits;

    private final Clock clock;

    ReportAttachments(ReactiveGridFsTemplate gridFs, ProgressProperties properties, Clock clock) {
        this.gridFs = gridFs;
        this.limits = properties.attachments();
        this.clock = clock;
    }

    /** A file read and recognised, not stored yet. */
    record Upload(String filename, FileKind kind, byte[] content, String sha256) {
    }

    /**
     * Reads the uploaded files into memory, at most the configured size each.
     *
     * @param alreadyAttached files the report has already, which count towards the limit per report
     * @throws ApiProblem 413 for a file above the size limit; 422 for an empty file, one of another kind than PDF,
     *         DOCX, XLSX, JPEG or PNG, or more files than a report may have
     */
    Mono<List<Upload>> read(Flux<FilePart> parts, int alreadyAttached) {
        // Counted as they arrive: a request with a thousand parts is turned away at the first one too many, before
        // the rest are read into memory.
        return parts.index().concatMap(indexed -> alreadyAttached + indexed.getT1() < limits.maxCount()
                ? Mono.just(indexed.getT2()) : Mono.error(tooMany(alreadyAttached)))
            .concatMap(part -> DataBufferUtils.join(part.content(), (int) limits.maxSize().toBytes())
            .map(joined -> {
                byte[] content = new byte[joined.readableByteCount()];
                joined.read(content);
                DataBufferUtils.release(joined);
                return new Received(filename(part.filename()), content);
            })
            .defaultIfEmpty(new Received(filename(part.filename()), new byte[0]))
            .onErrorMap(DataBufferLimitException.class, tooLarge -> tooLarge(part.filename())))
            .collectList()
            .map(this::recognise);
    }

    private record Received(String filename, byte[] content) {
    }

    private List<Upload> recognise(List<Received> files) {
        List<FieldError> errors = new ArrayList<>();
        List<Upload> recognised = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Received file = files.get(i);
            FileSample sample = FileSample.of(file.content());
            Optional<FileKind> kind = sample.kind().filter(ACCEPTED::contains);
            if (file.content().length == 0) {
                errors.add(new FieldError("attachments[" + i + "]", file.filename() + " is empty"));
            }
            else if (kind.isEmpty()) {
                errors.add(new FieldError("attachments[" + i + "]", file.filename()
                        + " is not a PDF, DOCX, XLSX, JPEG or PNG file (judged by its content, not its name)"));
            }
            else {
                recognised.add(new Upload(file.filename(), kind.get(), file.content(), sample.sha256()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The attachments cannot be accepted", errors);
        }
        return recognised;
    }

    /**
     * Stores the files one after the other. Should one fail, those stored before it and what GridFS kept of it are
     * removed again, so that the failed request leaves no file behind.
     */
    Mono<List<Attachment>> store(String projectCode, String period, List<Upload> uploads, EcoPrincipal by) {
        return Mono.defer(() -> {
            List<Attachment> begun = new ArrayList<>();
            return Flux.fromIterable(uploads).concatMap(upload -> {
                ObjectId id = new ObjectId();
                Attachment attachment = new Attachment(id.toHexString(), upload.filename(),
                        upload.kind().mediaType(), upload.content().length, upload.sha256(), clock.instant(),
                        by.username());
                begun.add(attachment);
                ReactiveGridFsUpload<ObjectId> file = ReactiveGridFsUpload
                    .fromPublisher(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(upload.content())))
                    .id(id)
                    .filename(upload.filename())
                    .contentType(upload.kind().mediaType())
                    .metadata(new Document("projectCode", projectCode).append("period", period)
                        .append("sha256", upload.sha256()))
                    .build();
                return gridFs.store(file).thenReturn(attachment);
            }).collectList().onErrorResume(failure -> discard(begun).then(Mono.error(failure)));
        });
    }

    /** Removes files whose report was not written; a removal that fails leaves an unnamed file, nothing worse. */
    Mono<Void> discard(List<Attachment> attachments) {
        return Flux.fromIterable(attachments)
            .concatMap(attachment -> gridFs.delete(byId(attachment)).onErrorComplete())
            .then();
    }

    /** The stored bytes; empty when the file is gone. */
    Mono<Flux<DataBuffer>> content(Attachment attachment) {
        return gridFs.findOne(byId(attachment))
            .flatMap(gridFs::getResource)
            .map(resource -> resource.getDownloadStream());
    }

    private static Query byId(Attachment attachment) {
        return Query.query(Criteria.where("_id").is(new ObjectId(attachment.id())));
    }

    /** Browsers on Windows used to send the whole path; only the name is the uploader's business to keep. */
    private static String filename(String uploaded) {
        String name = uploaded == null ? "" : uploaded.substring(Math.max(uploaded.lastIndexOf('/'),
                uploaded.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
    }

    private ApiProblem tooMany(int alreadyAttached) {
        return ApiProblem.unprocessable("The attachments cannot be accepted", List.of(new FieldError("attachments",
                "a report takes at most " + limits.maxCount() + " files"
                        + (alreadyAttached > 0 ? "; it has " + alreadyAttached + " already" : ""))));
    }

    private ErrorResponseException tooLarge(String filename) {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, filename(filename) + " is larger than " + limits.maxSize()
                        + ", the most a report's file may be."), null);
    }
}
