package au.ausjobs.billing.stripe;

/**
 * A signed event whose body or object lacks what we need or has it in the wrong shape: answered 400 (a problem that
 * says what is wrong), recorded as REJECTED in the ledger when the event id is known. The message is shown to the
 * caller: it names fields, never values.
 */
public class MalformedStripeObject extends RuntimeException {

    public MalformedStripeObject(String message) {
        super(message);
    }
}
