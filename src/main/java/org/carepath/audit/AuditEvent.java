package org.carepath.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String username;
    private String childReference;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    private String subject;
    @Enumerated(EnumType.STRING)
    @jakarta.persistence.Column(name = "interface")
    private AccessInterface accessInterface;
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String username, String childReference, AuditAction action, String subject,
               AccessInterface accessInterface, String detail) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.childReference = childReference;
        this.action = action;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.accessInterface = accessInterface;
        this.detail = detail;
    }

    AuditEventView view() {
        return new AuditEventView(id, occurredAt, username, childReference, action, subject, accessInterface, detail);
    }

    public record AuditEventView(long id, Instant occurredAt, String username, String childReference, AuditAction action,
                                 String subject, AccessInterface accessInterface, String detail) {
    }
}
