package org.ecoplan.risk.filing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.ecoplan.common.upload.FileKind;
import org.ecoplan.common.upload.FileSample;
import org.ecoplan.common.web.ApiProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Filing documents in GridFS (bucket {@code fs}). A document is streamed in while its size is counted, its SHA-256
 * computed and its first and last bytes sampled to tell its type; one that is too large, of a type not accepted, or whose
 * upload breaks off is deleted again, chunks included, so that no partial file stays behind.
 */
@Component
class DocumentStore {

    private static final String FILES = "fs.files";

    private static final String CHUNKS = "fs.chunks";

    private static final Duration LATE_CHUNK_GRACE = Duration.ofSeconds(1);

    /** What a filing's documents may be: the bureau reads plans as PDF or Word, maps and photos as images. */
    private static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.DOC, FileKind.DOCX,
            FileKind.JPEG, FileKind.PNG);

    private final ReactiveGridFsTemplate gridFs;

    private final ReactiveMongoTemplate template;

    DocumentStore(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate template) {
        this.gridFs = gridFs;
        this.template = template;
    }

    /** A stored file, checked. */
    record StoredFile(String fileId, FileKind type, long size, String sha256) {
    }

    /**
     * Stores {@code content} as a new file.
     *
     * @throws ApiProblem 413 beyond {@code maxBytes}, 415 for a type not accepted, 400 for an empty file; in each
     *         case, and when the content fails, nothing stays stored
     */
    Mono<StoredFile> store(Flux<DataBuffer> content, String filename, long maxBytes) {
        return Mono.defer(() -> {
            ObjectId id = new ObjectId();
            Inspection inspection = new Inspection(maxBytes);
            ReactiveGridFsUpload<ObjectId> upload = ReactiveGridFsUpload.fromPublisher(content.map(inspection::inspect))
                .id(id)
                .filename(filename)
                .build();
            return gridFs.store(upload)
                .then(Mono.fromCallable(() -> inspection.result(id.toHexString())))
                .onErrorResume(failure -> removeBrokenUpload(id).then(Mono.error(failure)))
                // A client that goes away cancels the upload: no error reaches this chain, so clean up here.
                .doOnCancel(() -> removeBrokenUpload(id).subscribe());
        });
    }

    Flux<DataBuffer> content(String fileId) {
        return gridFs.findOne(byId(fileId)).flatMap(gridFs::getResource).flatMapMany(resource ->
                resource.getDownloadStream());
    }

    /**
     * Removes what a broken upload stored. A chunk whose insert was still in flight when the upload failed can land
     * after the first removal, so a second removal follows a moment later.
     */
    private Mono<Void> removeBrokenUpload(ObjectId id) {
        return delete(id).doOnSuccess(removed -> delete(id).delaySubscription(LATE_CHUNK_GRACE).subscribe());
    }

    /** Removes the file and any chunks, also those of an upload that never completed its files entry. */
    Mono<Void> delete(ObjectId id) {
        return template.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS)
            .then(template.remove(Query.query(Criteria.where("_id").is(id)), FILES))
            .then();
    }

    Mono<Void> delete(String fileId) {
        return delete(new ObjectId(fileId));
    }

    private static Query byId(String fileId) {
        return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
    }

    /** Counts the bytes as they pass through to GridFS, and samples them to tell their kind. */
    private static final class Inspection {

        private final long maxBytes;

        private final FileSample sample = new FileSample();

        Inspection(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        DataBuffer inspect(DataBuffer buffer) {
            if (sample.size() + buffer.readableByteCount() > maxBytes) {
                DataBufferUtils.release(buffer);
                throw tooLarge(maxBytes);
            }
            try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
                while (buffers.hasNext()) {
                    sample.add(buffers.next());
                }
            }
            return buffer;
        }

        StoredFile result(String fileId) {
            if (sample.size() == 0) {
                throw ApiProblem.badRequest("The document is empty",
                        List.of(new ApiProblem.FieldError("file", "must not be empty")));
            }
            FileKind type = sample.kind().filter(ACCEPTED::contains).orElseThrow(Inspection::unsupportedType);
            return new StoredFile(fileId, type, sample.size(), sample.sha256());
        }

        private static ErrorResponseException unsupportedType() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The document's content is not PDF, Word (DOC or DOCX), JPEG or PNG; the type is read from the "
                            + "content, whatever the file name says.");
            return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        }

        private static ErrorResponseException tooLarge(long maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The document is larger than the " + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB"
                            : maxBytes + " bytes") + " a filing document may have.");
            return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
        }
    }
}
