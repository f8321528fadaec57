package au.ausjobs.job.company;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** job-service's copy of a company (auth-service registers companies), as hiring organisation of its jobs. */
@Document("companies")
public record Company(@Id String id, String name, String abn, Instant registeredAt) {
}
