package org.ecoplan.common.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Spring and Spring Security log through commons-logging with lazily formatted {@link LogMessage}s, several per
 * request. commons-logging's own SLF4J bridge renders each message before it asks whether DEBUG is on; the route
 * through the Log4j API that common's {@code META-INF/services} entry selects asks first.
 */
class DisabledDebugMessagesTest {

    private final Logger logback = (Logger) LoggerFactory.getLogger(DisabledDebugMessagesTest.class);
    private final Log commonsLog = LogFactory.getLog(DisabledDebugMessagesTest.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @AfterEach
    void restoreLogger() {
        logback.detachAppender(appender);
        logback.setAdditive(true);
        logback.setLevel(null);
    }

    @Test
    void aDebugMessageIsNotFormattedWhileDebugIsOff() {
        logback.setLevel(Level.INFO);
        Rendered argument = new Rendered();

        commonsLog.debug(LogMessage.format("token %s verified", argument));

        assertThat(argument.times).hasValue(0);
    }

    @Test
    void enabledMessagesReachLogbackUnderTheCallersLoggerName() {
        logback.setLevel(Level.DEBUG);
        appender.start();
        logback.addAppender(appender);
        logback.setAdditive(false);
        Rendered argument = new Rendered();

        commonsLog.debug(LogMessage.format("token %s verified", argument));
        commonsLog.warn("key set refresh failed", new IllegalStateException("no route"));

        assertThat(argument.times).hasValue(1);
        assertThat(appender.list).extracting(ILoggingEvent::getLoggerName, ILoggingEvent::getLevel,
                        ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        tuple(DisabledDebugMessagesTest.class.getName(), Level.DEBUG,
                                "token rendered verified"),
                        tuple(DisabledDebugMessagesTest.class.getName(), Level.WARN,
                                "key set refresh failed"));
        assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("no route");
    }

    private static final class Rendered {
        final AtomicInteger times = new AtomicInteger();

        @Override
        public String toString() {
            times.incrementAndGet();
            return "rendered";
        }
    }
}
