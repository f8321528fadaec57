package au.ausjobs.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MailServer;
import au.ausjobs.platform.test.MongoWireServer;

/** user.registered on the real broker leads to one welcome mail on the real SMTP server, even when delivered twice. */
@SpringBootTest
class WelcomeMailTests {

    static KafkaProducer<String, CloudEvent> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("notification-welcome"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MailServer.shared().smtpPort());
    }

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void sendsOneWelcomeMailWithTextAndHtmlPartsEvenWhenTheEventArrivesTwice() throws Exception {
        String email = "kylie." + UUID.randomUUID().toString().substring(0, 8) + "@example.com.au";
        UserRegistered registered = new UserRegistered(UUID.randomUUID().toString(), email, "Kylie <b>", "JOB_SEEKER",
            List.of("job_seeker"), "en-AU", Instant.now(), null);
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
            .withSource(URI.create("/auth-service")).withType("au.ausjobs.user.registered.v1")
            .withSubject(registered.userId()).withTime(OffsetDateTime.now()).withDataContentType("application/json")
            .withData(jsonMapper.writeValueAsBytes(registered)).build();
        producer.send(new ProducerRecord<>(Topics.USERS, registered.userId(), event)).get();
        producer.send(new ProducerRecord<>(Topics.USERS, registered.userId(), event)).get();

        MimeMessage mail = awaitMailTo(email, Duration.ofSeconds(60));
        assertThat(mail.getSubject()).isEqualTo("Welcome to AusJobs, Kylie <b>");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("G'day Kylie <b>").contains("job seeker account");
        assertThat(html).contains("Kylie &lt;b&gt;").doesNotContain("<b>");

        // A second delivery of the same event must not send a second mail: wait past a relay/consume cycle.
        Thread.sleep(3000);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void anEmployerIsWelcomedAsAnEmployerNotAsAJobSeeker() throws Exception {
        String email = "rae." + UUID.randomUUID().toString().substring(0, 8) + "@example.com.au";
        UserRegistered registered = new UserRegistered(UUID.randomUUID().toString(), email, "Rae", "EMPLOYER",
            List.of("employer"), "en-AU", Instant.now(), UUID.randomUUID().toString());
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
            .withSource(URI.create("/auth-service")).withType("au.ausjobs.user.registered.v1")
            .withSubject(registered.userId()).withTime(OffsetDateTime.now()).withDataContentType("application/json")
            .withData(jsonMapper.writeValueAsBytes(registered)).build();
        producer.send(new ProducerRecord<>(Topics.USERS, registered.userId(), event)).get();

        MimeMessage mail = awaitMailTo(email, Duration.ofSeconds(60));
        assertThat(part(mail, "text/plain")).contains("employer account").contains("post jobs")
            .doesNotContain("job seeker");
        assertThat(part(mail, "text/html")).contains("employer account").doesNotContain("job seeker");
    }

    /** The first body part of the given type, searched through nested multiparts. */
    static String part(jakarta.mail.Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MimeMessage awaitMailTo(String email, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(email);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + email + " within " + timeout);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return List.of(MailServer.shared().greenMail().getReceivedMessagesForDomain(email));
    }
}
