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

    public boolean remove(String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), Suppression.class).getDeletedCount() > 0;
    }

    public List<Suppression> list(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Suppression.class);
    }
}
