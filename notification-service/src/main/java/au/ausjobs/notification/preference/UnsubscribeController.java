package au.ausjobs.notification.preference;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.platform.web.ApiException;

/**
 * Unsubscribing without signing in, by the signed token of a mail's link (RFC 8058): GET shows a small page with one
 * button, POST with the body List-Unsubscribe=One-Click (what mail clients send for List-Unsubscribe-Post) turns the
 * token's category off for email. Neither works with an altered token (400 problem). The pages are not cached and
 * send no referrer, so the token does not travel further.
 */
@RestController
@RequestMapping("/api/v1/unsubscribe")
@Tag(name = "Unsubscribe", description = "One-click unsubscribe from mail links (no sign-in; the link's token is the proof)")
class UnsubscribeController {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeController.class);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final UnsubscribeTokens tokens;
    private final RecipientDirectory directory;
    private final ITemplateEngine engine;
    private final MailLinks links;

    UnsubscribeController(UnsubscribeTokens tokens, RecipientDirectory directory, ITemplateEngine engine, MailLinks links) {
        this.tokens = tokens;
        this.directory = directory;
        this.engine = engine;
        this.links = links;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The page behind an unsubscribe link: which emails it is about, and a button that unsubscribes "
        + "(400 for a missing or altered token). Changes nothing by itself")
    ResponseEntity<String> page(@RequestParam(required = false) String token) {
        UnsubscribeTokens.Claim claim = verify(token);
        boolean subscribed = directory.find(claim.recipientId()).map(r -> r.wants(claim.category(), Channel.EMAIL))
            .orElse(true);
        return page(claim, subscribed, false, token);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One-click unsubscribe (RFC 8058): form body List-Unsubscribe=One-Click; turns the token's "
        + "category off for email (400 for a missing or altered token or body)")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick) {
        UnsubscribeTokens.Claim claim = verify(token);
        if (!"One-Click".equals(oneClick)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "not-one-click", "Invalid request",
                "The body must be List-Unsubscribe=One-Click");
        }
        directory.optOut(claim.recipientId(), claim.category(), Channel.EMAIL);
        log.info("Recipient {} unsubscribed from {} by one click", claim.recipientId(), claim.category().key());
        return page(claim, false, true, token);
    }

    private UnsubscribeTokens.Claim verify(String token) {
        return tokens.verify(token).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid-unsubscribe-token",
            "Invalid link", "This unsubscribe link is not valid; sign in to choose which emails you get"));
    }

    private ResponseEntity<String> page(UnsubscribeTokens.Claim claim, boolean subscribed, boolean done, String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("categoryDescription", claim.category().description());
        model.put("subscribed", subscribed);
        model.put("done", done);
        model.put("actionUrl", links.unsubscribe(token));
        model.put("preferencesUrl", links.preferences());
        String html = engine.process("pages/unsubscribe", new Context(java.util.Locale.forLanguageTag("en-AU"), model));
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                + links.publicOrigin() + "; frame-ancestors 'none'")
            .body(html);
    }
}
