package au.ausjobs.platform.events.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service-shaped app for the events library: one outboxed document, two payloads, two retrying listeners. */
@SpringBootApplication
public class EventsTestApplication {
}
