package au.ausjobs.notification.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;

/**
 * Click and open tracking of delivered mail (read from the real SMTP server): links rewritten to the signed click
 * tracker in both parts except unsubscribe and preferences, the redirect to the stored URL only, altered or foreign
 * tokens refused, the open pixel, the counters.
 */
class TrackingTests extends NotificationServiceTest {

    static final Pattern PIXEL = Pattern.compile("https://api\\.ausjobs\\.test/api/v1/notifications/t/o/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)\\.gif");

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TrackingTokens tokens;

    @Autowired
    MailTracking tracking;

    double counter(String name, String kind) {
        var counter = meters.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    OutboundMessage stored(String id) {
        return outbox.find(id).orElseThrow();
    }

    /** A status update to a new seeker, delivered; returns the stored message and the mail. */
    record Delivered(Person person, OutboundMessage message, MimeMessage mail, String text, Document html) {
    }

    Delivered statusUpdate(String name, String jobTitle) throws Exception {
        Person person = registerSeeker(name);
        String application = UUID.randomUUID().toString();
        statusChanged(application, person.id(), jobTitle, "APPLIED", "INTERVIEW");
        MimeMessage mail = awaitMail(person.email(), "Update on your application for " + jobTitle);
        OutboundMessage message = awaitMessage(person.id(), "application-status", MessageStatus.SENT);
        return new Delivered(person, message, mail, part(mail, "text/plain"), Jsoup.parse(part(mail, "text/html")));
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    static String token(String trackedUrl) {
        Matcher m = TRACKED.matcher(trackedUrl);
        assertThat(m.matches()).as(trackedUrl).isTrue();
        return m.group(1);
    }

    /** The token with the character at {@code i} replaced by another base64url character. */
    static String changed(String token, int i) {
        char c = token.charAt(i);
        return token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
    }

    @Test
    void theLinksOfADeliveredStatusUpdateGoThroughTheTrackerInBothPartsButUnsubscribeAndPreferencesDoNot() throws Exception {
        Delivered d = statusUpdate("Kirra", "Barista");
        String application = d.message().links().get(1).url();
        assertThat(application).startsWith("https://app.ausjobs.test/applications/");
        assertThat(d.message().links()).extracting(TrackedLink::url).containsExactly("https://app.ausjobs.test", application);
        assertThat(d.message().campaign()).isEqualTo("application-status");

        // both parts: the same tracked links, and the original URLs nowhere
        String button = textLink(d.text(), "See your application");
        String logo = textLink(d.text(), "AusJobs");
        assertThat(button).matches(TRACKED);
        assertThat(logo).matches(TRACKED).isNotEqualTo(button);
        assertThat(d.html().selectFirst("a.button").attr("href")).isEqualTo(button);
        assertThat(d.html().selectFirst(".header a").attr("href")).isEqualTo(logo);
        assertThat(d.text() + d.html().outerHtml()).doesNotContain(application).doesNotContain("href=\"https://app.ausjobs.test\"");

        // the unsubscribe and preference links are left alone, in the header and both parts
        String unsubscribe = textLink(d.text(), "Unsubscribe from these emails");
        assertThat(unsubscribe).startsWith("https://api.ausjobs.test/api/v1/unsubscribe?token=");
        assertThat(mailHeader(d.mail(), "List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
        assertThat(textLink(d.text(), "choose which emails you get")).isEqualTo("https://app.ausjobs.test/settings/notifications");
        assertThat(d.html().select("a:contains(Unsubscribe from these emails)").attr("href")).isEqualTo(unsubscribe);
        assertThat(d.html().select("a:contains(choose which emails you get)").attr("href"))
            .isEqualTo("https://app.ausjobs.test/settings/notifications");
        for (Element a : d.html().select("a[href]")) {
            assertThat(a.attr("href")).satisfiesAnyOf(h -> assertThat(h).matches(TRACKED), h -> assertThat(h).isEqualTo(unsubscribe),
                h -> assertThat(h).isEqualTo("https://app.ausjobs.test/settings/notifications"));
        }

        // following the button: a 302 to the original URL, not cached, counted for that link only
        double clicksBefore = counter(TrackingMetrics.CLICKS, "application-status");
        Instant firstClick = clock.instant();
        mvc.perform(get(path(button)))
            .andExpect(status().isFound())
            .andExpect(header().string("Location", application))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(header().string("Referrer-Policy", "no-referrer"));
        OutboundMessage once = stored(d.message().id());
        assertThat(once.clicks()).isEqualTo(1);
        assertThat(once.firstClickedAt()).isBetween(firstClick.minusSeconds(1), clock.instant());
        assertThat(once.links().get(1).clicks()).isEqualTo(1);
        assertThat(once.links().get(1).firstClickedAt()).isEqualTo(once.firstClickedAt());
        assertThat(once.links().get(0).clicks()).isZero();
        assertThat(once.links().get(0).firstClickedAt()).isNull();

        // again a minute later: counted, the first click kept; a link checker's HEAD is answered, not counted
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(follow(button)).isEqualTo(application);
        mvc.perform(head(path(logo))).andExpect(status().isFound()).andExpect(header().string("Location", "https://app.ausjobs.test"));
        OutboundMessage twice = stored(d.message().id());
        assertThat(twice.clicks()).isEqualTo(2);
        assertThat(twice.firstClickedAt()).isEqualTo(once.firstClickedAt());
        assertThat(twice.links().get(1).clicks()).isEqualTo(2);
        assertThat(twice.links().get(0).clicks()).isZero();
        assertThat(counter(TrackingMetrics.CLICKS, "application-status") - clicksBefore).isEqualTo(2);
        assertThat(twice.opens()).isZero();
    }

    @Test
    void anAlteredTokenOrOneSignedForAnotherMessageLeadsNowhereAndCountsNothing() throws Exception {
        Delivered mine = statusUpdate("Jarrah", "Chef");
        Delivered theirs = statusUpdate("Tahlia", "Cook");
        String token = token(textLink(mine.text(), "See your application"));
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String clicksPath = "/api/v1/notifications/t/c/";

        List<String> refused = new java.util.ArrayList<>();
        // one character changed: in the payload, in the signature, the very last one (low bits of the last base64 char)
        refused.add(changed(token, 2));
        refused.add(changed(token, payload.length() + 1 + signature.length() / 2));
        refused.add(changed(token, token.length() - 1));
        // my signature over another message's id (the same link index), or another link index of my message
        refused.add(b64.encodeToString(("c|" + theirs.message().id() + "|1").getBytes(StandardCharsets.UTF_8)) + "." + signature);
        refused.add(b64.encodeToString(("c|" + mine.message().id() + "|0").getBytes(StandardCharsets.UTF_8)) + "." + signature);
        // the open token of my message used as a click; a genuine click token for a link or message that does not exist
        refused.add(token(PIXEL, mine.html().select("img").last().attr("src")));
        refused.add(tokens.click(mine.message().id(), 7));
        refused.add(tokens.click(UUID.randomUUID().toString(), 1));
        refused.add(payload);
        refused.add(token + "." + signature);

        for (String bad : refused) {
            mvc.perform(get(clicksPath + bad))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"))
                .andExpect(header().doesNotExist("Location"));
        }
        assertThat(stored(mine.message().id()).clicks()).isZero();
        assertThat(stored(theirs.message().id()).clicks()).isZero();
        assertThat(stored(mine.message().id()).links()).allSatisfy(l -> assertThat(l.clicks()).isZero());

        // the genuine token still works, and only for my message's link
        assertThat(follow("https://api.ausjobs.test" + clicksPath + token))
            .isEqualTo(mine.message().links().get(1).url()).isNotEqualTo(theirs.message().links().get(1).url());
        assertThat(stored(mine.message().id()).clicks()).isEqualTo(1);
        assertThat(stored(theirs.message().id()).clicks()).isZero();
    }

    static String token(Pattern pattern, String url) {
        Matcher m = pattern.matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        return m.group(1);
    }

    @Test
    void linksToOtherHostsAreNeitherTrackedNorRedirectedTo() throws Exception {
        Document doc = Jsoup.parse("<p><a href='https://evil.example/login'>evil</a> <a href='https://app.ausjobs.test/jobs'>jobs</a>"
            + " <a href='mailto:help@ausjobs.au'>mail</a> <a href='https://app.ausjobs.test/x' data-track='off'>off</a></p>");
        MailTracking.Tracker tracker = tracking.tracker("m-1", Set.of());
        tracker.accept(doc);
        assertThat(doc.select("a").eachAttr("href")).containsExactly("https://evil.example/login",
            doc.select("a").get(1).attr("href"), "mailto:help@ausjobs.au", "https://app.ausjobs.test/x");
        assertThat(doc.select("a").get(1).attr("href")).matches(TRACKED);
        assertThat(tracker.links()).extracting(TrackedLink::url).containsExactly("https://app.ausjobs.test/jobs");

        // a stored link to another host (written before a configuration change, say) is refused even with a genuine token
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        mongo.insert(new OutboundMessage(id, "test:" + id, "test", "application-status", "application-updates", false,
            "application-status/en-AU/v1", "en-AU", "r-" + id, null, null, null, null, null, MessageStatus.SENT, 1, now, now,
            now, null, null, null, null, "application-status",
            List.of(TrackedLink.of("https://evil.example/login"), TrackedLink.of("https://app.ausjobs.test/jobs"),
                TrackedLink.of("javascript:alert(1)")), null, 0, null, 0));
        mvc.perform(get("/api/v1/notifications/t/c/" + tokens.click(id, 0))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications/t/c/" + tokens.click(id, 2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications/t/c/" + tokens.click(id, 1))).andExpect(status().isFound())
            .andExpect(header().string("Location", "https://app.ausjobs.test/jobs"));
        assertThat(stored(id).clicks()).isEqualTo(1);
        assertThat(stored(id).links()).extracting(TrackedLink::clicks).containsExactly(0, 1, 0);
    }

    @Test
    void thePixelIsAnUncachedGifThatCountsOpensOfGenuineTokensOnly() throws Exception {
        Delivered d = statusUpdate("Banjo", "Welder");
        Element img = d.html().select("img").last();
        assertThat(img.attr("width")).isEqualTo("1");
        assertThat(img.attr("alt")).isEmpty();
        assertThat(img.parent().tagName()).isEqualTo("body");
        String pixel = img.attr("src");
        String token = token(PIXEL, pixel);
        assertThat(d.text()).doesNotContain("/t/o/");
        double opensBefore = counter(TrackingMetrics.OPENS, "application-status");

        Instant firstOpen = clock.instant();
        byte[] gif = mvc.perform(get(path(pixel)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/gif"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(gif, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(gif).hasSize(43);
        OutboundMessage once = stored(d.message().id());
        assertThat(once.opens()).isEqualTo(1);
        assertThat(once.firstOpenedAt()).isBetween(firstOpen.minusSeconds(1), clock.instant());

        clock.advance(java.time.Duration.ofHours(2));
        mvc.perform(get(path(pixel))).andExpect(status().isOk());
        OutboundMessage twice = stored(d.message().id());
        assertThat(twice.opens()).isEqualTo(2);
        assertThat(twice.firstOpenedAt()).isEqualTo(once.firstOpenedAt());

        // tampered, foreign or malformed: still the GIF (a mail client never shows a broken image), nothing counted
        String clickToken = token(textLink(d.text(), "See your application"));
        for (String bad : new String[] { changed(token, 3), changed(token, token.length() - 1), clickToken, "nonsense",
                tokens.open(UUID.randomUUID().toString()) }) {
            mvc.perform(get("/api/v1/notifications/t/o/" + bad + ".gif"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/gif"));
        }
        mvc.perform(get("/api/v1/notifications/t/o/" + token)).andExpect(status().isNotFound()); // not the pixel's path
        mvc.perform(head(path(pixel))).andExpect(status().isOk()); // HEAD: not counted
        assertThat(stored(d.message().id()).opens()).isEqualTo(2);
        assertThat(stored(d.message().id()).clicks()).isZero();
        assertThat(counter(TrackingMetrics.OPENS, "application-status") - opensBefore).isEqualTo(2);

        // transactional mail carries the pixel too
        MimeMessage welcome = awaitMail(d.person().email(), "Welcome to AusJobs");
        assertThat(Jsoup.parse(part(welcome, "text/html")).select("img").last().attr("src")).matches(PIXEL);
    }

    @Test
    void aCampaignMustBeASlug() throws Exception {
        Person person = registerSeeker("Mia");
        var recipient = directory.find(person.id()).orElseThrow();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> outbox.enqueue(
            UUID.randomUUID().toString(), "application-status", "Spring Sale!", recipient,
            Map.of("jobTitle", "Nurse", "status", "SCREENING", "applicationUrl", "https://app.ausjobs.test/applications/1")));
        assertThat(messages(person.id(), "application-status")).isEmpty();
    }
}
