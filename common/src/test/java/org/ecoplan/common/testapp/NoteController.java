package org.ecoplan.common.testapp;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A creating endpoint guarded by an idempotency key, as a service writes one. */
@RestController
@RequestMapping(NoteController.NOTES)
class NoteController {

    static final String NOTES = "/api/v1/samples/notes";

    /** A text that makes the creation fail after the key was claimed. */
    static final String REJECTED = "rejected";

    @Document("notes")
    record Note(@Id String id, @Version Long version, String text) {
    }

    record NoteRequest(@NotBlank String text) {
    }

    private final IdempotencyKeys keys;

    private final ReactiveMongoTemplate template;

    NoteController(IdempotencyKeys keys, ReactiveMongoTemplate template) {
        this.keys = keys;
        this.template = template;
    }

    @PostMapping
    Mono<ResponseEntity<Note>> create(@Valid @RequestBody NoteRequest body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request) {
        return keys.once(key, request, body, Note.class, () -> {
            if (REJECTED.equals(body.text())) {
                return Mono.error(ApiProblem.unprocessable("Rejected on purpose",
                        List.of(new ApiProblem.FieldError("text", "is rejected"))));
            }
            return template.insert(new Note(null, null, body.text()))
                .map(note -> ResponseEntity.created(URI.create(NOTES + "/" + note.id()))
                    .eTag(ETags.of(note.version()))
                    .body(note));
        });
    }
}
