package org.ecoplan.common.web;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * A file sent as the request body (an import), read whole by the handler itself. A handler takes the body this
 * way, not as a {@code byte[]} argument, when it must be read only after the handler's checks: a body acquired
 * by an argument resolver but never read stalled the keep-alive connection after a denial.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body's bytes, none for an empty body; the buffers are released.
     *
     * @param maxSize beyond it a {@link DataBufferLimitException}, which {@link ApiExceptionHandler} answers 413
     */
    public static Mono<byte[]> bytes(Publisher<DataBuffer> body, DataSize maxSize) {
        return DataBufferUtils.join(body, Math.toIntExact(maxSize.toBytes()))
            .map(buffer -> {
                try {
                    byte[] content = new byte[buffer.readableByteCount()];
                    buffer.read(content);
                    return content;
                }
                finally {
                    DataBufferUtils.release(buffer);
                }
            })
            .defaultIfEmpty(new byte[0]);
    }
}
