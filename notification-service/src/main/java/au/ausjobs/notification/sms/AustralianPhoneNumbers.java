package au.ausjobs.notification.sms;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;

/**
 * Turns what a person typed into an Australian mobile number in E.164 ({@code +61412345678}), or says why it cannot
 * get SMS. Parsed with libphonenumber for region AU, so {@code 0412 345 678}, {@code +61 412 345 678},
 * {@code 61412345678}, {@code 0061 412 345 678} and {@code (04) 1234-5678} are all the same number. Only numbers
 * libphonenumber types MOBILE (or FIXED_LINE_OR_MOBILE) are accepted: landlines, 13/1300/1800 numbers, premium
 * 19xx numbers, short codes and every number outside +61 are refused.
 */
public final class AustralianPhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();
    private static final String REGION = "AU";
    private static final int AUSTRALIA = 61;
    /** Longer input than this is not a phone number someone typed (libphonenumber itself stops at 250). */
    private static final int MAX_INPUT = 40;

    private AustralianPhoneNumbers() {
    }

    /** The outcome of {@link #check(String)}. */
    public sealed interface Check permits Mobile, Refused {

        default boolean accepted() {
            return this instanceof Mobile;
        }
    }

    /** A number that can get SMS, in E.164. */
    public record Mobile(String e164) implements Check {

        /** For logs and support screens: {@code +614****5678}. */
        public String masked() {
            return mask(e164);
        }

        @Override
        public String toString() {
            return "Mobile[" + masked() + "]";
        }
    }

    /** A number that cannot get SMS, and why. */
    public record Refused(Reason reason) implements Check {
    }

    public enum Reason {
        BLANK("No phone number was given"),
        NOT_A_NUMBER("This is not a phone number"),
        INVALID("This is not a valid Australian phone number"),
        FOREIGN("Only Australian mobile numbers (+61 4...) can get SMS"),
        LANDLINE("This is a landline number; SMS needs a mobile number"),
        SHORT_CODE("Short codes and service numbers cannot get SMS"),
        PREMIUM_RATE("Premium-rate (19xx) numbers cannot get SMS"),
        NOT_MOBILE("This number (13, 1300, 1800 or similar) cannot get SMS; use a mobile number");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A sentence for the person who typed the number (contains no part of it). */
        public String description() {
            return description;
        }

        /** For problem responses: {@code not-mobile}, {@code premium-rate}... */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether this input is an Australian number that can receive SMS, as E.164 if it is. */
    public static Check check(String input) {
        if (input == null || input.isBlank()) {
            return new Refused(Reason.BLANK);
        }
        String typed = input.strip();
        if (typed.length() > MAX_INPUT) {
            return new Refused(Reason.NOT_A_NUMBER);
        }
        // "0061 4..." is how many people write +61 (0011 is Australia's real international prefix, which
        // libphonenumber already understands).
        if (typed.startsWith("0061")) {
            typed = "+61" + typed.substring(4);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(typed, REGION);
        }
        catch (NumberParseException e) {
            return new Refused(e.getErrorType() == NumberParseException.ErrorType.NOT_A_NUMBER ? Reason.NOT_A_NUMBER
                : Reason.INVALID);
        }
        if (number.getCountryCode() != AUSTRALIA) {
            return new Refused(Reason.FOREIGN);
        }
        if (number.hasExtension() && !number.getExtension().isEmpty()) {
            return new Refused(Reason.INVALID);
        }
        if (!UTIL.isValidNumber(number)) {
            if (SHORT.isValidShortNumberForRegion(number, REGION)) {
                return new Refused(SHORT.getExpectedCostForRegion(number, REGION) == ShortNumberInfo.ShortNumberCost.PREMIUM_RATE
                    || nationalDigits(number).startsWith("19") ? Reason.PREMIUM_RATE : Reason.SHORT_CODE);
            }
            return new Refused(Reason.INVALID);
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        return switch (type) {
            case MOBILE, FIXED_LINE_OR_MOBILE -> new Mobile(UTIL.format(number, PhoneNumberFormat.E164));
            case FIXED_LINE -> new Refused(Reason.LANDLINE);
            case PREMIUM_RATE -> new Refused(Reason.PREMIUM_RATE);
            default -> new Refused(Reason.NOT_MOBILE);
        };
    }

    /** The E.164 form of an SMS-capable Australian number, or an IllegalArgumentException that names only the reason. */
    public static String requireMobile(String input) {
        Check check = check(input);
        if (check instanceof Mobile mobile) {
            return mobile.e164();
        }
        throw new IllegalArgumentException("not an Australian mobile number: " + ((Refused) check).reason());
    }

    /**
     * A number as it may appear in logs: the first four and last four characters ({@code +614****5678}); anything
     * shorter than ten characters is masked whole.
     */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() < 10) {
            return "****";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    private static String nationalDigits(PhoneNumber number) {
        return UTIL.getNationalSignificantNumber(number);
    }
}
