package au.ausjobs.billing.stripe;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface WebhookEventRepository extends MongoRepository<WebhookEvent, String> {

    List<WebhookEvent> findByStatusOrderByReceivedAtDesc(WebhookEventStatus status, Pageable page);

    List<WebhookEvent> findAllByOrderByReceivedAtDesc(Pageable page);

    List<WebhookEvent> findByCustomerIdAndStatusOrderByCreatedAtAsc(String customerId, WebhookEventStatus status,
            Pageable page);
}
