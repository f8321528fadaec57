package au.ausjobs.notification.recipient;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.Delivery;

/** Who we write to: kept from user events; the employers of a company are the recipients with its companyId. */
@Service
public class RecipientDirectory {

    private final MongoTemplate mongo;
    private final ZoneId defaultZone;

    RecipientDirectory(MongoTemplate mongo, NotificationProperties properties) {
        this.mongo = mongo;
        this.defaultZone = properties.defaultTimeZone();
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** Records (or refreshes) the contact details of a new account; keeps any choices already made. */
    public void registered(UserRegistered user) {
        Update update = new Update().set("email", user.email()).set("firstName", user.firstName())
            .set("accountType", user.accountType()).set("companyId", user.companyId())
            .set("locale", user.locale()).set("registeredAt", user.registeredAt())
            .setOnInsert("timeZone", defaultZone.getId());
        mongo.upsert(byId(user.userId()), update, Recipient.class);
    }

    /** Forgets the person entirely (user.deleted). */
    public void erase(String userId) {
        mongo.remove(byId(userId), Recipient.class);
    }

    public Optional<Recipient> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, Recipient.class));
    }

    /**
     * The recipient of mail about {@code about} (e.g. "application 123"), known and with an address; else
     * {@link RecipientNotKnownYetException}, which sends the event round the retry topic until they are.
     */
    public Recipient require(String userId, String about) {
        return find(userId).filter(Recipient::reachable).orElseThrow(() -> new RecipientNotKnownYetException(userId, about));
    }

    /** The employers (recruiters and employer admins) of a company we know of. */
    public List<Recipient> employersOf(String companyId) {
        if (companyId == null) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("companyId").is(companyId)), Recipient.class).stream()
            .filter(Recipient::reachable).toList();
    }

    /** Applies the person's choices (only those given) and time zone (if given); returns the result. */
    public Recipient choose(String userId, Map<Category, Map<Channel, Boolean>> choices, ZoneId timeZone) {
        return choose(userId, choices, Map.of(), timeZone);
    }

    /** As {@link #choose(String, Map, ZoneId)}, with the delivery (INSTANT or DAILY) of categories that offer it. */
    public Recipient choose(String userId, Map<Category, Map<Channel, Boolean>> choices, Map<Category, Delivery> deliveries,
            ZoneId timeZone) {
        Update update = new Update();
        boolean any = false;
        for (var delivery : deliveries.entrySet()) {
            update.set("deliveries." + delivery.getKey().key(), delivery.getValue().name());
            any = true;
        }
        for (var category : choices.entrySet()) {
            for (var channel : category.getValue().entrySet()) {
                update.set("choices." + category.getKey().key() + "." + channel.getKey().key(), channel.getValue());
                any = true;
            }
        }
        if (timeZone != null) {
            update.set("timeZone", timeZone.getId());
            any = true;
        }
        else {
            update.setOnInsert("timeZone", defaultZone.getId());
        }
        if (!any) {
            return find(userId).orElseGet(() -> blank(userId));
        }
        return mongo.findAndModify(byId(userId), update, FindAndModifyOptions.options().upsert(true).returnNew(true),
            Recipient.class);
    }

    /** Turns one category off on one channel (the one-click unsubscribe). */
    public void optOut(String userId, Category category, Channel channel) {
        mongo.upsert(byId(userId), new Update().set("choices." + category.key() + "." + channel.key(), false)
            .setOnInsert("timeZone", defaultZone.getId()), Recipient.class);
    }

    /**
     * SMS are refused for this person (they replied STOP: Twilio error 21610): SMS off for every category and the
     * number no longer verified (they must verify it again, which also proves they sent START).
     */
    public void smsOptedOut(String userId) {
        mongo.updateFirst(byId(userId), smsOff(), Recipient.class);
    }

    /** As {@link #smsOptedOut(String)} for everyone with this number (E.164); returns their ids. */
    public List<String> smsOptedOutNumber(String e164) {
        if (e164 == null) {
            return List.of();
        }
        Query withNumber = new Query(Criteria.where("mobile").is(e164));
        List<String> ids = mongo.find(withNumber, Recipient.class).stream().map(Recipient::id).toList();
        if (!ids.isEmpty()) {
            mongo.updateMulti(withNumber, smsOff(), Recipient.class);
        }
        return ids;
    }

    private static Update smsOff() {
        Update update = new Update().set("mobileVerified", false).unset("mobileVerification.codeHash")
            .unset("mobileVerification.expiresAt");
        for (Category category : Category.values()) {
            update.set("choices." + category.key() + "." + Channel.SMS.key(), false);
        }
        return update;
    }

    /** Someone we have nothing stored for: every default. */
    public Recipient blank(String userId) {
        return new Recipient(userId, null, null, null, null, null, defaultZone.getId(), Map.of(), null);
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
