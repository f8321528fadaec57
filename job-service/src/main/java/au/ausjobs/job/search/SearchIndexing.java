package au.ausjobs.job.search;

import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.job.JobClosed;
import au.ausjobs.events.job.JobPublished;
import au.ausjobs.events.job.JobUpdated;
import au.ausjobs.job.posting.JobLifecycle;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.posting.JobStatus;
import au.ausjobs.platform.events.IncomingEvent;

/**
 * Keeps this instance's index current. At start it is rebuilt from MongoDB (every published job); then each instance
 * reads ausjobs.jobs.v1 in a consumer group of its own (so every replica sees every change) from the beginning: a
 * job's events are in order on its partition, so replaying them ends in the job's current state.
 */
@Component
public class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final JobSearchIndex index;
    private final JobRepository jobs;
    private final JobLifecycle lifecycle;
    private final JsonMapper jsonMapper;

    private final Autocomplete autocomplete;

    SearchIndexing(JobSearchIndex index, JobRepository jobs, JobLifecycle lifecycle, JsonMapper jsonMapper,
            Autocomplete autocomplete) {
        this.index = index;
        this.autocomplete = autocomplete;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.jsonMapper = jsonMapper;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        int count = rebuild();
        log.info("Search index built from MongoDB: {} live jobs", count);
    }

    /** Replaces the index with every published job in MongoDB; returns how many. */
    public int rebuild() {
        try (Stream<JobSearchIndex.IndexedJob> live = jobs.findAllByStatus(JobStatus.PUBLISHED)
                .map(job -> new JobSearchIndex.IndexedJob(job.getId(), lifecycle.posting(job)))) {
            int count = index.rebuild(live);
            autocomplete.refresh();
            return count;
        }
    }

    @KafkaListener(id = "job-search-index", topics = Topics.JOBS, groupId = "job-service.search.${random.uuid}",
        properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        }
        catch (IncomingEvent.NotACloudEventException e) {
            log.warn("Skipped a record on {} that is not a CloudEvent", record.topic());
            return;
        }
        switch (event.type()) {
            case "au.ausjobs.job.published.v1" -> index.upsert(record.key(), event.data(jsonMapper, JobPublished.class).posting());
            case "au.ausjobs.job.updated.v1" -> index.upsert(record.key(), event.data(jsonMapper, JobUpdated.class).posting());
            case "au.ausjobs.job.closed.v1" -> index.remove(event.data(jsonMapper, JobClosed.class).jobId());
            default -> log.debug("Ignored {} on {}", event.type(), record.topic());
        }
        autocomplete.jobsChanged();
    }
}
