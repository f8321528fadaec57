package au.ausjobs.job.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.company.CompanyRegistered;
import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MongoWireServer;

/**
 * On the real broker: job-service learns companies from company.registered (once, however often it arrives), names
 * them as hiring organisation on their jobs, and its job events reach ausjobs.jobs.v1 through the outbox relay.
 */
@SpringBootTest(properties = "ausjobs.events.relay.interval=200ms")
@AutoConfigureMockMvc
class CompanyCopyAndJobEventsTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("job-service-events"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CompanyRepository companies;

    @Autowired
    JsonMapper json;

    @Test
    void aRegisteredCompanyIsKnownOnceAndItsPublishedJobIsAnnouncedOnTheJobsTopic() throws Exception {
        String companyId = UUID.randomUUID().toString();
        CompanyRegistered registered = new CompanyRegistered(companyId, "Banksia Bakery", "51824753556", "ben", Instant.now());
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/auth-service"))
            .withType("au.ausjobs.company.registered.v1").withSubject(companyId).withTime(OffsetDateTime.now())
            .withDataContentType("application/json").withData(json.writeValueAsBytes(registered)).build();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.COMPANIES, companyId, event)).get();
            producer.send(new ProducerRecord<>(Topics.COMPANIES, companyId, event)).get();
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (companies.findById(companyId).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(companies.findById(companyId)).get().extracting(Company::name).isEqualTo("Banksia Bakery");

        RequestPostProcessor ben = token("ben", companyId, "ausjobs-spa", "employer_admin");
        String body = mvc.perform(post("/api/v1/jobs").with(ben).contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"Pastry chef","description":"<p>Early starts, great sourdough.</p>","employmentTypes":["FULL_TIME"],
                 "workMode":"ON_SITE","location":{"suburb":"Fremantle","state":"WA","postcode":"6160"},
                 "category":"Hospitality & Tourism","validThrough":"%s"}""".formatted(Instant.now().plus(20, ChronoUnit.DAYS))))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.companyName").value("Banksia Bakery"))
            .andReturn().getResponse().getContentAsString();
        String jobId = json.readTree(body).get("id").asString();
        mvc.perform(post("/api/v1/jobs/" + jobId + "/publish").with(ben)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs/" + jobId + "/approve").with(token("admin-1", null, "ausjobs-admin", "admin")))
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/jobs/" + jobId)).andExpect(status().isOk());

        assertThat(typesOnTheJobsTopic(jobId)).containsExactly("au.ausjobs.job.published.v1");
    }

    private static List<String> typesOnTheJobsTopic(String jobId) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.JOBS));
            Instant deadline = Instant.now().plusSeconds(60);
            while (types.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (jobId.equals(record.key())) {
                        types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }

    private static RequestPostProcessor token(String subject, String companyId, String client, String role) {
        return jwt().jwt(j -> {
            j.subject(subject).claim("azp", client).claim("realm_access", Map.of("roles", List.of(role)));
            if (companyId != null) {
                j.claim("company_id", companyId);
            }
        }).authorities(new KeycloakRolesConverter());
    }
}
