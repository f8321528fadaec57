package au.ausjobs.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import au.ausjobs.platform.test.KeycloakTokens;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MailServer;
import au.ausjobs.platform.test.MongoWireServer;

/**
 * The one context of notification-service's tests (so only one set of listeners consumes the shared broker): the real
 * Kafka broker, the Mongo wire server and GreenMail from platform-test, a clock the tests set, short dispatcher rounds,
 * a small rate cap and retry budget, SMS switched on with Twilio played by WireMock ({@link TwilioStub}), and VERP return
 * paths with the bounce mailbox read every 300 ms (GreenMail's {@value #BOUNCES}). Every
 * test starts on a fresh day at 10:00 in Sydney (outside quiet hours) and uses fresh people (and mobile numbers), so no
 * test sees another's mail or SMS.
 */
@SpringBootTest(properties = { "ausjobs.notifications.dispatch.interval=200ms", "ausjobs.notifications.retry.max-attempts=3",
    "ausjobs.notifications.retry.initial-delay=1m", "ausjobs.notifications.retry.multiplier=4",
    "ausjobs.notifications.rate-cap.max=3", "ausjobs.notifications.rate-cap.window=1h",
    "ausjobs.notifications.quiet-hours.start=21:00", "ausjobs.notifications.quiet-hours.end=08:00",
    "ausjobs.events.retry.delay=1000", "ausjobs.public-url=https://api.ausjobs.test", "ausjobs.app-url=https://app.ausjobs.test",
    "ausjobs.notifications.sms.enabled=true", "ausjobs.notifications.sms.account-sid=" + TwilioStub.ACCOUNT_SID,
    "ausjobs.notifications.sms.auth-token=" + TwilioStub.AUTH_TOKEN, "ausjobs.notifications.sms.from=" + TwilioStub.FROM,
    "ausjobs.mail.bounces.address=" + NotificationServiceTest.BOUNCES, "ausjobs.mail.bounces.imap.tls=false",
    "ausjobs.mail.bounces.imap.username=" + NotificationServiceTest.BOUNCES,
    "ausjobs.mail.bounces.imap.password=" + NotificationServiceTest.BOUNCES, "ausjobs.mail.bounces.imap.poll-interval=300ms" })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
public abstract class NotificationServiceTest {

    public static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** The bounce address: mail goes with Return-Path bounces+<id>@ausjobs.au, which GreenMail puts in this mailbox. */
    public static final String BOUNCES = "bounces@ausjobs.au";
    private static final AtomicInteger DAY = new AtomicInteger();
    private static KafkaProducer<String, CloudEvent> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("notification-service"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MailServer.shared().smtpPort());
        registry.add("ausjobs.notifications.sms.api-base-url", TwilioStub::baseUrl);
        // the bounce mailbox the service reads (bounce.BounceMailbox), receiving bounces+<message id>@ausjobs.au
        MailServer.shared().mailboxWithSubaddresses(BOUNCES, BOUNCES);
        registry.add("ausjobs.mail.bounces.imap.host", () -> "127.0.0.1");
        registry.add("ausjobs.mail.bounces.imap.port", () -> MailServer.shared().imapPort());
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected RecipientDirectory directory;

    /** The test's day: a fresh one each test, in January (Sydney on daylight time, UTC+11). */
    protected LocalDate today;

    @BeforeEach
    void aFreshMorningInSydney() {
        today = LocalDate.of(2031, 1, 1).plusDays(DAY.getAndIncrement());
        clock.set(at(10, 0));
    }

    protected Instant at(int hour, int minute) {
        return ZonedDateTime.of(today, LocalTime.of(hour, minute), SYDNEY).toInstant();
    }

    protected static synchronized KafkaProducer<String, CloudEvent> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        }
        return producer;
    }

    /** A CloudEvent as the outbox relay makes it. */
    protected CloudEvent event(String type, String source, String subject, Object data) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create(source)).withType(type)
            .withSubject(subject).withTime(OffsetDateTime.now()).withDataContentType("application/json")
            .withData(json.writeValueAsBytes(data)).build();
    }

    protected void publish(String topic, String key, CloudEvent event) throws Exception {
        producer().send(new ProducerRecord<>(topic, key, event)).get();
    }

    protected static String address(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com.au";
    }

    /** A person signs up (user.registered on the broker); returns once notification-service knows them. */
    protected Person register(String firstName, String accountType, String companyId) throws Exception {
        return register(UUID.randomUUID().toString(), firstName, accountType, companyId);
    }

    protected Person register(String id, String firstName, String accountType, String companyId) throws Exception {
        Person person = new Person(id, address(firstName.toLowerCase()), firstName);
        UserRegistered registered = new UserRegistered(person.id(), person.email(), firstName, accountType,
            List.of("EMPLOYER".equals(accountType) ? "employer" : "job_seeker"), "en-AU", Instant.now(), companyId);
        publish(Topics.USERS, person.id(), event("au.ausjobs.user.registered.v1", "/auth-service", person.id(), registered));
        await("recipient " + firstName + " in the directory",
            () -> directory.find(person.id()).filter(r -> r.email() != null).isPresent());
        return person;
    }

    protected Person registerSeeker(String firstName) throws Exception {
        return register(firstName, "JOB_SEEKER", null);
    }

    public record Person(String id, String email, String firstName) {
    }

    /** job-service's application.submitted for this seeker; returns the event. */
    protected CloudEvent applicationSubmitted(String applicationId, String seekerId, String companyId, String jobTitle)
            throws Exception {
        ApplicationSubmitted submitted = new ApplicationSubmitted(applicationId, UUID.randomUUID().toString(), jobTitle,
            companyId, seekerId, UUID.randomUUID().toString(), clock.instant(), 2);
        CloudEvent event = event("au.ausjobs.application.submitted.v1", "/job-service", applicationId, submitted);
        publish(Topics.APPLICATIONS, applicationId, event);
        return event;
    }

    protected CloudEvent statusChanged(String applicationId, String seekerId, String jobTitle, String from, String to)
            throws Exception {
        ApplicationStatusChanged changed = new ApplicationStatusChanged(applicationId, UUID.randomUUID().toString(), jobTitle,
            "company-wattle", seekerId, from, to, "employer-priya", clock.instant());
        CloudEvent event = event("au.ausjobs.application.status-changed.v1", "/job-service", applicationId, changed);
        publish(Topics.APPLICATIONS, applicationId, event);
        return event;
    }

    /** The messages queued for someone, of one kind, oldest first. */
    protected List<OutboundMessage> messages(String recipientId, String kind) {
        return outbox.forRecipient(recipientId).stream().filter(m -> m.kind().equals(kind)).toList();
    }

    protected OutboundMessage awaitMessage(String recipientId, String kind, MessageStatus status) {
        List<OutboundMessage> found = new ArrayList<>();
        await(kind + " message " + status, () -> {
            found.clear();
            messages(recipientId, kind).stream().filter(m -> m.status() == status).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(found.size() - 1);
    }

    protected static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the scheduled rounds (e.g. two instances' {@code tick}s, twice each) at the same moment on threads of their
     * own and returns how many of them ran (returned a count rather than empty).
     */
    protected static int raceAndCountRuns(List<Callable<Optional<Integer>>> runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Integer>>> results = new ArrayList<>();
        for (Callable<Optional<Integer>> run : runs) {
            results.add(pool.submit(() -> {
                start.await();
                return run.call();
            }));
        }
        start.countDown();
        int ran = 0;
        for (Future<Optional<Integer>> result : results) {
            if (result.get(30, TimeUnit.SECONDS).isPresent()) {
                ran++;
            }
        }
        pool.shutdown();
        return ran;
    }

    // ---- reading the delivered mail (GreenMail, the real SMTP server) ----

    protected static List<MimeMessage> mailsTo(String email) {
        return List.of(MailServer.shared().greenMail().getReceivedMessagesForDomain(email));
    }

    /** Waits for the n-th (1-based) mail to this address and returns it. */
    protected static MimeMessage awaitMail(String email, int n) {
        await(n + " mail(s) to a test address", () -> mailsTo(email).size() >= n);
        return mailsTo(email).get(n - 1);
    }

    protected static MimeMessage awaitMail(String email) {
        return awaitMail(email, 1);
    }

    /** The mails to this address whose subject starts so. */
    protected static List<MimeMessage> mailsTo(String email, String subjectPrefix) {
        return mailsTo(email).stream().filter(m -> subject(m).startsWith(subjectPrefix)).toList();
    }

    protected static MimeMessage awaitMail(String email, String subjectPrefix) {
        await("a mail '" + subjectPrefix + "...'", () -> !mailsTo(email, subjectPrefix).isEmpty());
        return mailsTo(email, subjectPrefix).get(0);
    }

    protected static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String mailHeader(MimeMessage mail, String name) throws Exception {
        String value = mail.getHeader(name, null);
        return value == null ? null : value.replaceAll("\\r?\\n\\s*", "");
    }

    protected static boolean isTo(MimeMessage mail, String email) throws Exception {
        return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
    }

    /** The first body part of the given type, searched through nested multiparts. */
    public static String part(Part part, String mimeType) throws Exception {
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

    protected Clock clock() {
        return clock;
    }

    // ---- tracked links (every link to our hosts goes through the click tracker) ----

    /** A tracked link as written in mail: the click tracker under the public URL, with its token. */
    public static final java.util.regex.Pattern TRACKED = java.util.regex.Pattern.compile(
        "https://api\\.ausjobs\\.test/api/v1/notifications/t/c/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    /** Follows a tracked link through the click tracker (which counts a click) and returns where it redirects. */
    protected String follow(String trackedUrl) throws Exception {
        assertThat(trackedUrl).matches(TRACKED);
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(URI.create(trackedUrl).getPath()))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isFound())
            .andReturn().getResponse().getHeader("Location");
    }

    /** The URL in "label (url)" of a plain-text part. */
    protected static String textLink(String text, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label) + " \\((\\S+)\\)")
            .matcher(text);
        assertThat(m.find()).as("a link '" + label + "' in the text part").isTrue();
        return m.group(1);
    }

    // ---- mobile numbers and SMS (Twilio played by WireMock) ----

    protected static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    /** A fresh mobile number as typed (0491 xxx xxx: valid Australian mobiles) and its E.164 form. */
    public record Mobile(String typed, String e164) {

        public static Mobile fresh() {
            String digits = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
            return new Mobile("0491 " + digits.substring(0, 3) + " " + digits.substring(3), "+61491" + digits);
        }

        public String masked() {
            return "+614****" + e164.substring(e164.length() - 4);
        }
    }

    protected ResultActions putPreferences(Person person, String body) throws Exception {
        return mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(person.id()))
            .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected ResultActions verify(Person person, String code) throws Exception {
        return mvc.perform(post("/api/v1/notifications/preferences/mobile/verification")
            .with(KeycloakTokens.seeker(person.id())).contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"" + code + "\"}"));
    }

    /** Waits for the n-th SMS the SDK posted to Twilio for this number; returns its form. */
    protected static Map<String, String> awaitSms(Mobile mobile, int n) {
        await(n + " SMS to a test number", () -> TwilioStub.requestsTo(mobile.e164()).size() >= n);
        LoggedRequest request = TwilioStub.requestsTo(mobile.e164()).get(n - 1);
        Map<String, String> form = new LinkedHashMap<>();
        request.formParameters().forEach((name, p) -> form.put(name, p.firstValue()));
        return form;
    }

    protected static String codeIn(Map<String, String> sms) {
        Matcher m = CODE.matcher(sms.get("Body"));
        assertThat(m.find()).as("a 6-digit code in the SMS").isTrue();
        return m.group(1);
    }

    /** Sets a fresh mobile for the person, reads the code Twilio was asked to send and verifies the number. */
    protected Mobile verifiedMobile(Person person) throws Exception {
        Mobile mobile = Mobile.fresh();
        putPreferences(person, "{\"mobile\":\"" + mobile.typed() + "\"}").andExpect(status().isOk());
        verify(person, codeIn(awaitSms(mobile, 1))).andExpect(status().isOk())
            .andExpect(jsonPath("$.mobileVerified").value(true));
        return mobile;
    }
}
