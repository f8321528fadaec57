package au.ausjobs.platform.events;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import au.ausjobs.platform.events.testapp.EventsTestApplication;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MongoWireServer;

/**
 * The shared context of the events tests: a real Kafka broker, the Mongo wire server, the library's
 * auto-configuration. The background relay is off so each test drives relays itself.
 */
@SpringBootTest(classes = EventsTestApplication.class, properties = { "ausjobs.events.relay.enabled=false",
    // @RetriedWithDeadLetter's attempts and first wait, short so the retry test runs in seconds
    "ausjobs.events.retry.attempts=" + au.ausjobs.platform.events.testapp.AlwaysFailingListener.ATTEMPTS,
    "ausjobs.events.retry.delay=100" })
abstract class EventsIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("platform-events-tests"));
    }
}
