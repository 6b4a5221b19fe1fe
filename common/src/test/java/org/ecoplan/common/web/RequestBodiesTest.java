package org.ecoplan.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RequestBodiesTest {

    private static final DefaultDataBufferFactory BUFFERS = new DefaultDataBufferFactory();

    @Test
    void theBodysBuffersJoinIntoItsBytes() {
        StepVerifier.create(RequestBodies.bytes(Flux.just(buffer("station,"), buffer("time\n城陵矶")),
                DataSize.ofKilobytes(1)))
            .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("station,time\n城陵矶"))
            .verifyComplete();
    }

    @Test
    void anEmptyBodyIsNoBytes() {
        StepVerifier.create(RequestBodies.bytes(Flux.empty(), DataSize.ofKilobytes(1)))
            .assertNext(bytes -> assertThat(bytes).isEmpty())
            .verifyComplete();
    }

    @Test
    void aBodyBeyondTheLimitIsRefused() {
        StepVerifier.create(RequestBodies.bytes(Flux.just(buffer("x".repeat(600)), buffer("y".repeat(600))),
                DataSize.ofKilobytes(1)))
            .verifyError(DataBufferLimitException.class);
    }

    private static DataBuffer buffer(String text) {
        return BUFFERS.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
