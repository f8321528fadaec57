package au.ausjobs.events.usage;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A call to an AI vendor was made for a user and cost tokens: billing meters it (usage-based charges, plan quotas).
 * Sent once per vendor call that answered, whether its answer was usable or not (the tokens were spent either way);
 * never for the built-in offline analyzer, which costs nothing.
 *
 * @param usageId unique per call: billing counts each once
 * @param userId whose request it was
 * @param feature what it was for, e.g. {@code resume-analysis}
 * @param subjectId what it was about, e.g. the resume id
 * @param vendor {@code openai}, {@code anthropic} or {@code ollama}
 * @param model the vendor's model name
 * @param inputTokens prompt tokens the vendor counted
 * @param outputTokens completion tokens the vendor counted
 * @param occurredAt when
 */
@EventType(value = "au.ausjobs.usage.ai-tokens-used.v1", topic = Topics.USAGE)
public record AiUsageRecorded(String usageId, String userId, String feature, String subjectId, String vendor, String model,
        long inputTokens, long outputTokens, Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
