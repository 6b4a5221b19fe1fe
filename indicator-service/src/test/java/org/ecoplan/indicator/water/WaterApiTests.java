package org.ecoplan.indicator.water;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * What the water API tests share: the client, the mocked {@link WaterIndicators} (recording and withdrawing
 * succeed unless a test says otherwise) and site codes no other test uses.
 */
@WaterApiTest
abstract class WaterApiTests {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected WaterIndicators indicators;

    protected WaterApi api;

    @BeforeEach
    void connect() {
        api = new WaterApi(client);
        when(indicators.recordWorseThanVShare(any())).thenReturn(Mono.empty());
        when(indicators.withdrawWorseThanVShare(anyInt())).thenReturn(Mono.empty());
    }

    /** A site code no other test uses. */
    protected static String newCode(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }
}
