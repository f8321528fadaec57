package au.ausjobs.notification.recipient;

/**
 * An event is about someone whose user.registered has not reached the directory yet (or who has no address): the
 * listener throws this so the record is tried again from the retry topic, and parked on the dead-letter topic if they
 * never turn up.
 */
public class RecipientNotKnownYetException extends RuntimeException {

    public RecipientNotKnownYetException(String recipientId, String about) {
        super("Recipient " + recipientId + " of " + about + " is not in the directory yet");
    }
}
