package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.types.ObjectId;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.upload.FileKind;
import org.ecoplan.common.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReportAttachmentsTest {

    private final ReactiveGridFsTemplate gridFs = mock(ReactiveGridFsTemplate.class);

    private final ReportAttachments attachments = new ReportAttachments(gridFs,
            new ProgressProperties(new ScheduleThresholds(null, null, null, null),
                    new ProgressProperties.Attachments(DataSize.ofKilobytes(64), 10)),
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aStoreThatFailsPartWayRemovesTheFilesItStoredBeforeFailing() {
        when(gridFs.store(any())).thenReturn(Mono.just(new ObjectId()))
            .thenReturn(Mono.error(new DataAccessResourceFailureException("GridFS went away")));
        when(gridFs.delete(any())).thenReturn(Mono.empty());

        StepVerifier.create(attachments.store("P-1", "2024-Q1", List.of(upload("a.pdf"), upload("b.pdf")),
                new EcoPrincipal("s", "editor", Set.of("bureau-editor"), Optional.of("env"), Optional.empty())))
            .expectError(DataAccessResourceFailureException.class)
            .verify();

        ArgumentCaptor<Query> removed = ArgumentCaptor.forClass(Query.class);
        verify(gridFs, times(2)).delete(removed.capture());
        assertThat(removed.getAllValues()).as("the stored file and the one whose write failed part-way").hasSize(2);
    }

    @Test
    void partsBeyondTheLimitAreRefusedAsTheyArriveNotAfterAllAreRead() {
        AtomicInteger read = new AtomicInteger();
        Flux<FilePart> thousand = Flux.range(0, 1000).map(i -> part("scan-" + i + ".pdf", read));

        StepVerifier.create(attachments.read(thousand, 8))
            .expectErrorSatisfies(refused -> assertThat(refused).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode().value()).isEqualTo(422)))
            .verify(Duration.ofSeconds(10));
        assertThat(read).as("the two files the report still takes, and none after them").hasValue(2);
    }

    private static FilePart part(String name, AtomicInteger read) {
        return new FilePart() {

            @Override
            public String filename() {
                return name;
            }

            @Override
            public Mono<Void> transferTo(Path dest) {
                return Mono.error(new UnsupportedOperationException());
            }

            @Override
            public String name() {
                return "attachments";
            }

            @Override
            public HttpHeaders headers() {
                return new HttpHeaders();
            }

            @Override
            public Flux<DataBuffer> content() {
                return Flux.defer(() -> {
                    read.incrementAndGet();
                    return Flux.just(DefaultDataBufferFactory.sharedInstance
                        .wrap("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
                });
            }
        };
    }

    private static ReportAttachments.Upload upload(String name) {
        byte[] content = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new ReportAttachments.Upload(name, FileKind.PDF, content, "00");
    }
}
