package au.ausjobs.billing.customer;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import au.ausjobs.billing.stripe.Outcome;
import au.ausjobs.billing.stripe.StripeEvent;
import au.ausjobs.billing.stripe.StripeJson;

/**
 * The mapping Stripe customer -> AusJobs account, kept from customer.created and customer.updated.
 * <p>
 * A customer whose metadata has no (valid) {@code ausjobs_user_id} is not mapped: the event is recorded IGNORED
 * with a note, and a mapping an earlier event made is kept (removing the metadata in Stripe's dashboard does not
 * take a customer's invoices away from the account). Such a customer's invoices are matched by the invoice's or
 * subscription's own metadata, or wait UNMATCHED until a customer.updated adds the metadata. A customer.updated that
 * names another account moves the mapping (for invoices still to come; stored invoices keep their owner), unless
 * the event is older than the one that set it.
 */
@Service
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    private final CustomerRepository customers;

    CustomerDirectory(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The AusJobs account of a Stripe customer, if it is mapped. */
    public Optional<String> userOf(String stripeCustomerId) {
        if (stripeCustomerId == null) {
            return Optional.empty();
        }
        return customers.findById(stripeCustomerId).map(Customer::getUserId);
    }

    /** Handles customer.created / customer.updated. PROCESSED means the customer is now mapped. */
    public Outcome apply(StripeEvent event) {
        StripeCustomer stripe = StripeJson.object(event, StripeCustomer.class);
        stripe.requireBasics();
        String userId = stripe.userId();
        if (userId == null) {
            return Outcome.ignored(stripe.id(), "no metadata." + UserIds.METADATA_KEY + ": not linked to an account");
        }
        if (!UserIds.valid(userId)) {
            return Outcome.ignored(stripe.id(), "metadata." + UserIds.METADATA_KEY + " is not an account id: not linked");
        }
        for (int attempt = 1;; attempt++) {
            Instant now = Instant.now();
            Customer customer = customers.findById(stripe.id()).orElseGet(() -> new Customer(stripe.id(), now));
            String before = customer.getUserId();
            if (!customer.map(userId, event.live(), event.createdAt(), now)) {
                return Outcome.ignored(stripe.id(), "older than the event that set the mapping");
            }
            try {
                customers.save(customer);
                if (before != null && !before.equals(userId)) {
                    log.warn("Stripe customer {} now maps to another account (event {})", stripe.id(), event.id());
                }
                return Outcome.processed(stripe.id(), "mapped to an account");
            }
            catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
