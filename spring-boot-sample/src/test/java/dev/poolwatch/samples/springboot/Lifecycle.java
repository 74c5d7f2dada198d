package dev.poolwatch.samples.springboot;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says on stdout when the service serves, on which port, and when its context closes. */
@Component
class Lifecycle {

    @EventListener
    void serving(WebServerInitializedEvent event) {
        System.out.println("serving on 127.0.0.1:" + event.getWebServer().getPort());
    }

    @EventListener
    void closing(ContextClosedEvent event) {
        System.out.println("context closing");
    }
}
