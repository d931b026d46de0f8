package org.carepath.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carepath.web.DateRange;
import org.carepath.web.InvalidRequestException;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who saw or changed which child's record (administrators)")
class AuditController {

    private final AuditRepository events;

    AuditController(AuditRepository events) {
        this.events = events;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit events, newest first, by child and/or user, between two instants (ISO 8601)")
    List<AuditEvent.AuditEventView> find(@RequestParam(required = false) String child, @RequestParam(required = false) String user,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new InvalidRequestException("limit", "must be between 1 and 5000");
        }
        return events.find(child, user, instant(from, "from", Instant.EPOCH), instant(to, "to", Instant.parse("9999-12-31T00:00:00Z")),
                PageRequest.of(0, limit)).stream().map(AuditEvent::view).toList();
    }

    private static Instant instant(String value, String field, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            var time = OffsetDateTime.parse(value);
            if (!DateRange.contains(time)) {
                throw new InvalidRequestException(field, DateRange.MESSAGE);
            }
            return time.toInstant();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(field, "must be a date-time with an offset, e.g. 2026-04-02T10:15:00+01:00");
        }
    }
}
