package au.ausjobs.billing.invoice;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/** Billing history: the signed-in user's invoices; one invoice for its owner or staff (anyone else: 404). */
@RestController
@Validated
@RequestMapping("/api/v1/billing/invoices")
@Tag(name = "Invoices", description = "Billing history: the caller's Stripe invoices")
class InvoiceController {

    private final InvoiceRepository invoices;

    InvoiceController(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    @Operation(summary = "The caller's own invoices, newest first (page from 0, size 1-100, default 20)")
    List<InvoiceView> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
        return invoices.findByUserIdOrderByIssuedAtDesc(CurrentUser.of(authentication).id(), PageRequest.of(page, size))
            .stream().map(InvoiceView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One invoice: its owner, or staff (admin, support); 404 for anyone else or an unknown id")
    InvoiceView one(@PathVariable String id, Authentication authentication) {
        CurrentUser caller = CurrentUser.of(authentication);
        return invoices.findById(id).filter(i -> i.isOwnedBy(caller.id()) || caller.isStaff()).map(InvoiceView::of)
            .orElseThrow(() -> ApiException.notFound("Invoice"));
    }
}
