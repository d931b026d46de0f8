package org.carepath.audit;

import java.time.Instant;
import java.util.Collection;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.identity.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records accesses to children's records. A change is recorded in the transaction that makes it (no
 * change without its row, no row without its change); a read in a transaction of its own. Rows carry
 * the wall-clock time of the access, not the engine's clock (which tests and time travel move).
 */
@Service
public class Audit {

    private final AuditRepository events;
    private final IdentityService identity;

    Audit(AuditRepository events, @Lazy IdentityService identity) {
        this.events = events;
        this.identity = identity;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String childReference, String subject) {
        record(childReference, AuditAction.READ, subject, null);
    }

    /**
     * One page showing many children: a row per child, all in one transaction (one commit, not one per child; a page
     * of the tracker or its CSV may show thousands).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void readAll(Collection<String> childReferences, String subject) {
        var viewer = Viewer.current(identity);
        var at = Instant.now();
        var via = AccessInterface.current();
        events.saveAll(childReferences.stream().distinct()
                .map(reference -> new AuditEvent(at, viewer.userId(), reference, AuditAction.READ, subject, via, null)).toList());
    }

    /** A read by a known user outside a Spring request (the Tasklist's own REST calls). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String username, String childReference, String subject) {
        events.save(new AuditEvent(Instant.now(), username, childReference, AuditAction.READ, subject, AccessInterface.current(), null));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String childReference, String subject, String detail) {
        record(childReference, AuditAction.CHANGE, subject, detail);
    }

    private void record(String childReference, AuditAction action, String subject, String detail) {
        var viewer = Viewer.current(identity);
        events.save(new AuditEvent(Instant.now(), viewer.userId(), childReference, action, subject, AccessInterface.current(), detail));
    }
}
