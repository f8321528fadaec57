package au.ausjobs.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import au.ausjobs.notification.sms.AustralianPhoneNumbers.Check;
import au.ausjobs.notification.sms.AustralianPhoneNumbers.Mobile;
import au.ausjobs.notification.sms.AustralianPhoneNumbers.Reason;
import au.ausjobs.notification.sms.AustralianPhoneNumbers.Refused;

class AustralianPhoneNumbersTests {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "0412 345 678        | +61412345678",
        "+61 412 345 678     | +61412345678",
        "61412345678         | +61412345678",
        "+61412345678        | +61412345678",
        "0412345678          | +61412345678",
        "04 1234 5678        | +61412345678",
        "(04) 1234-5678      | +61412345678",
        "0412-345-678        | +61412345678",
        "0412.345.678        | +61412345678",
        "  0412 345 678      | +61412345678",
        "0061 412 345 678    | +61412345678",
        "0011 61 412 345 678 | +61412345678",
        "+61 (0) 412 345 678 | +61412345678",
        "0491 570 156        | +61491570156",
        "0491570006          | +61491570006",
        "+61 491 570 110     | +61491570110" })
    void mobilesBecomeE164(String typed, String e164) {
        Check check = AustralianPhoneNumbers.check(typed);
        assertThat(check).isEqualTo(new Mobile(e164));
        assertThat(check.accepted()).isTrue();
        assertThat(AustralianPhoneNumbers.requireMobile(typed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        // landlines (Sydney, Melbourne, Perth; ACMA's drama range)
        "(02) 9123 4567        | LANDLINE",
        "02 9123 4567          | LANDLINE",
        "+61 3 9123 4567       | LANDLINE",
        "08 9123 4567          | LANDLINE",
        "+61 2 5550 1234       | LANDLINE",
        // 13, 1300, 1800: no SMS
        "1300 123 456          | NOT_MOBILE",
        "1800 123 456          | NOT_MOBILE",
        "13 12 34              | NOT_MOBILE",
        // premium 19xx, as a full number and as premium SMS short codes
        "1900 123 456          | PREMIUM_RATE",
        "19 123 456            | PREMIUM_RATE",
        "191 234               | PREMIUM_RATE",
        // short codes and emergency numbers
        "000                   | SHORT_CODE",
        "112                   | SHORT_CODE",
        // foreign numbers, mobile or not
        "+64 21 123 4567       | FOREIGN",
        "+1 415 555 2671       | FOREIGN",
        "+44 7700 900123       | FOREIGN",
        "0011 64 21 123 4567   | FOREIGN",
        // not a valid Australian number
        "0412 345 67           | INVALID",
        "0412 345 6789         | INVALID",
        "0550 123 456          | INVALID",
        "04123456789012345     | INVALID",
        "0412 345 678 ext 12   | INVALID",
        // not a number at all
        "abc                   | NOT_A_NUMBER",
        "call me maybe         | NOT_A_NUMBER",
        "0412 345 678 0412 345 678 0412 345 678 0412 | NOT_A_NUMBER" })
    void whatCannotGetSmsIsRefusedWithTheReason(String typed, Reason reason) {
        Check check = AustralianPhoneNumbers.check(typed);
        assertThat(check).isEqualTo(new Refused(reason));
        assertThat(check.accepted()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void nothingTypedIsBlank(String typed) {
        assertThat(AustralianPhoneNumbers.check(typed)).isEqualTo(new Refused(Reason.BLANK));
    }

    @Test
    void requireMobileNamesTheReasonButNotTheNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> AustralianPhoneNumbers.requireMobile("02 9123 4567"))
            .withMessageContaining("LANDLINE").withMessageNotContaining("9123");
    }

    @Test
    void reasonsHaveSlugsAndSentencesWithoutTheNumber() {
        assertThat(Reason.PREMIUM_RATE.slug()).isEqualTo("premium-rate");
        assertThat(Reason.NOT_MOBILE.slug()).isEqualTo("not-mobile");
        for (Reason reason : Reason.values()) {
            assertThat(reason.description()).isNotBlank();
        }
    }

    @Test
    void numbersAreMaskedForLogs() {
        assertThat(AustralianPhoneNumbers.mask("+61412345678")).isEqualTo("+614****5678");
        assertThat(AustralianPhoneNumbers.mask("+64211234567")).isEqualTo("+642****4567");
        assertThat(AustralianPhoneNumbers.mask("000")).isEqualTo("****");
        assertThat(AustralianPhoneNumbers.mask(null)).isNull();
        assertThat(new Mobile("+61412345678")).hasToString("Mobile[+614****5678]");
        assertThat(new SmsRequest("+61412345678", "secret words", "msg-1").toString()).doesNotContain("2345", "secret");
    }
}
