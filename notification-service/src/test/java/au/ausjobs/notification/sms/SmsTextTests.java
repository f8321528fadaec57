package au.ausjobs.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTests {

    @Test
    void shortTextIsKeptTrimmed() {
        assertThat(SmsText.fit("  Your interview is tomorrow at 10:00 am.\n")).isEqualTo("Your interview is tomorrow at 10:00 am.");
        assertThat(SmsText.fit(null)).isEmpty();
    }

    @Test
    void exactly320CharactersAreKept() {
        String text = "a".repeat(320);
        assertThat(SmsText.fit(text)).isEqualTo(text);
    }

    @Test
    void longTextIsCutOnAWordBoundaryWithAnEllipsis() {
        String text = "word ".repeat(100).strip(); // 499 characters
        String fitted = SmsText.fit(text);
        assertThat(fitted).hasSizeLessThanOrEqualTo(SmsText.MAX_LENGTH).endsWith("word…");
        assertThat(fitted.substring(0, fitted.length() - 1)).isEqualTo(text.substring(0, fitted.length() - 1));
        assertThat(fitted.length()).isGreaterThan(300);
    }

    @Test
    void aCutJustBeforeASpaceKeepsTheWholeWord() {
        // 319 characters fit before the ellipsis; the 320th is a space, so the last word is whole
        String text = "x".repeat(315) + " abc " + "y".repeat(50);
        String fitted = SmsText.fit(text);
        assertThat(fitted).isEqualTo("x".repeat(315) + " abc…");
    }

    @Test
    void oneHugeWordIsCutInside() {
        String fitted = SmsText.fit("Hi " + "z".repeat(500));
        assertThat(fitted).hasSize(SmsText.MAX_LENGTH).startsWith("Hi zzz").endsWith("z…");
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "🙂".repeat(400); // 400 code points, 800 chars
        String fitted = SmsText.fit(text);
        assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(SmsText.MAX_LENGTH);
        assertThat(fitted).endsWith("🙂…");
    }
}
