package au.ausjobs.job.company;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.company.CompanyRegistered;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/** Keeps the company copy current from ausjobs.companies.v1; once per event, retried, then parked. */
@Component
class CompanyEventsListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(CompanyEventsListener.class);
    private static final String REGISTERED = "au.ausjobs.company.registered.v1";

    private final CompanyRepository companies;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    CompanyEventsListener(CompanyRepository companies, ProcessedEvents processed, JsonMapper jsonMapper) {
        this.companies = companies;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "job-companies", topics = Topics.COMPANIES, groupId = "job-service.companies")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!REGISTERED.equals(event.type())) {
            return;
        }
        CompanyRegistered registered = event.data(jsonMapper, CompanyRegistered.class);
        processed.handleOnce("company-copy", event, () -> companies.save(new Company(registered.companyId(),
            registered.name(), registered.abn(), registered.registeredAt())));
        log.info("Company {} known to job-service (event {})", registered.companyId(), event.id());
    }
}
