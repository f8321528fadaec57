package au.ausjobs.notification.preference;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import au.ausjobs.platform.web.ApiException;

/** The suppression list: addresses that bounced hard or complained. */
@Service
public class Suppressions {

    private final MongoTemplate mongo;
    private final Clock clock;

    Suppressions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Suppression> find(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("email").is(normalise(email))), Suppression.class));
    }

    /** Whether a message to this address may not go out. */
    public boolean blocks(String email, boolean transactional) {
        return find(email).map(s -> s.blocks(transactional)).orElse(false);
    }

    public Suppression add(String email, Suppression.Reason reason, String note, String by) {
        Suppression suppression = new Suppression(UUID.randomUUID().toString(), normalise(email), reason, note,
            clock.instant(), by);
        try {
            return mongo.insert(suppression);
        }
        catch (DuplicateKeyException e) {
            throw ApiException.conflict("already-suppressed", "This address is already on the suppression list");
        }
    }

    /**
     * Puts an address on the list without a conflict if it is there already (the bounce processor): true if it was
     * added, or a complaint was made a hard bounce (stricter: a dead address gets no transactional mail either); a hard
     * bounce is never made a complaint.
     */
    public boolean suppress(String email, Suppression.Reason reason, String note, String by) {
        try {
            mongo.insert(new Suppression(UUID.randomUUID().toString(), normalise(email), reason, note, clock.instant(), by));
            return true;
        }
        catch (DuplicateKeyException e) {
            if (reason != Suppression.Reason.HARD_BOUNCE) {
                return false;
            }
            return mongo.updateFirst(new Query(Criteria.where("email").is(normalise(email)).and("reason")
                    .is(Suppression.Reason.COMPLAINT)),
                new org.springframework.data.mongodb.core.query.Update().set("reason", reason).set("note", note)
                    .set("createdAt", clock.instant()).set("createdBy", by),
                Suppression.class).getModifiedCount() > 0;
        }
    }

    public boolean remove(String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), Suppression.class).getDeletedCount() > 0;
    }

    public List<Suppression> list(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Suppression.class);
    }
}
