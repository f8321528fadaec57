package au.ausjobs.notification.sms;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** sms_deliveries; every derived query has a declared index (checked by MongoIndexCoverage in the tests). */
interface SmsDeliveryRepository extends MongoRepository<SmsDelivery, String> {

    /** The SMS sent for one of our messages, oldest first (index reference_createdAt). */
    List<SmsDelivery> findByReferenceOrderByCreatedAtAsc(String reference);
}
