package au.ausjobs.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.platform.test.MongoIndexCoverage;

/**
 * Every query has an index declared in code that serves it (our test server ignores secondary indexes, so only the
 * declarations can be checked here): the derived queries of the repositories, and the queries written with
 * MongoTemplate, described below as derived query names so MongoIndexCoverage can read them.
 */
class IndexDeclarationsTests extends NotificationServiceTest {

    /**
     * The $match shapes of the analytics aggregation (tracking.NotificationAnalytics.match): a createdAt range, with
     * kind and/or campaign or neither. Not a bean (NoRepositoryBean): a description for the check only.
     */
    @NoRepositoryBean
    interface AnalyticsQueries extends Repository<OutboundMessage, String> {

        List<OutboundMessage> findByCreatedAtGreaterThanEqualAndCreatedAtLessThan(Instant from, Instant to);

        List<OutboundMessage> findByKindAndCreatedAtGreaterThanEqualAndCreatedAtLessThan(String kind, Instant from, Instant to);

        List<OutboundMessage> findByCampaignAndCreatedAtGreaterThanEqualAndCreatedAtLessThan(String campaign, Instant from,
            Instant to);

        List<OutboundMessage> findByKindAndCampaignAndCreatedAtGreaterThanEqualAndCreatedAtLessThan(String kind,
            String campaign, Instant from, Instant to);
    }

    /** RecipientDirectory.smsOptedOutNumber: the recipients with a mobile number (a STOP from Twilio). */
    @NoRepositoryBean
    interface RecipientQueries extends Repository<au.ausjobs.notification.recipient.Recipient, String> {

        List<au.ausjobs.notification.recipient.Recipient> findByMobile(String mobile);
    }

    /**
     * jobalert.WeeklyDigest: the seekers with waiting alerts, a seeker's claimable alerts, the alerts a run claimed (in
     * the order they came), a person's alerts (erasure).
     */
    @NoRepositoryBean
    interface WeeklyAlertQueries extends Repository<au.ausjobs.notification.jobalert.WeeklyAlert, String> {

        List<au.ausjobs.notification.jobalert.WeeklyAlert> findBySentAtIsNullAndReceivedAtLessThan(Instant slot);

        List<au.ausjobs.notification.jobalert.WeeklyAlert> findBySeekerIdAndSentAtIsNullAndReceivedAtLessThan(String seekerId,
            Instant slot);

        List<au.ausjobs.notification.jobalert.WeeklyAlert> findBySeekerIdAndClaimedByAndSentAtIsNullOrderByReceivedAtAsc(
            String seekerId, String claimedBy);

        List<au.ausjobs.notification.jobalert.WeeklyAlert> findBySeekerId(String seekerId);
    }

    /**
     * application.NewApplicantsDaily: the employers with waiting applications, an employer's claimable ones, the ones a
     * run claimed (in the order they came), an employer's (erasure).
     */
    @NoRepositoryBean
    interface PendingApplicantQueries extends Repository<au.ausjobs.notification.application.PendingApplicant, String> {

        List<au.ausjobs.notification.application.PendingApplicant> findBySentAtIsNullAndReceivedAtLessThan(Instant slot);

        List<au.ausjobs.notification.application.PendingApplicant> findByEmployerIdAndSentAtIsNullAndReceivedAtLessThan(
            String employerId, Instant slot);

        List<au.ausjobs.notification.application.PendingApplicant> findByEmployerIdAndClaimedByAndSentAtIsNullOrderByReceivedAtAsc(
            String employerId, String claimedBy);

        List<au.ausjobs.notification.application.PendingApplicant> findByEmployerId(String employerId);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoMappingContext mapping;

    @Test
    void everyRepositoryQueryHasADeclaredIndexThatServesIt() {
        assertThat(MongoIndexCoverage.uncoveredQueries(context)).isEmpty();
    }

    @Test
    void everyShapeOfTheAnalyticsQueryHasADeclaredIndexThatServesIt() {
        assertThat(MongoIndexCoverage.uncoveredQueries(mapping, List.of(AnalyticsQueries.class))).isEmpty();
        assertThat(MongoIndexCoverage.uncoveredQueries(mapping, List.of(RecipientQueries.class))).isEmpty();
        assertThat(MongoIndexCoverage.uncoveredQueries(mapping, List.of(WeeklyAlertQueries.class))).isEmpty();
    }
}
