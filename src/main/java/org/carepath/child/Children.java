package org.carepath.child;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carepath.audit.Audit;
import org.carepath.timescale.Timescales;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The child record's public surface for other modules. */
@Service
@Transactional
public class Children {

    private final ChildRepository children;
    private final Audit audit;
    private final Timescales timescales;
    private final ApplicationEventPublisher events;
    @PersistenceContext
    private EntityManager entityManager;

    Children(ChildRepository children, Audit audit, Timescales timescales, ApplicationEventPublisher events) {
        this.children = children;
        this.audit = audit;
        this.timescales = timescales;
        this.events = events;
    }

    /** Records a child the council has not met before; refuses a second record of the same child. */
    public ChildView register(NewChild details) {
        if (details.dateOfBirth() != null) {
            var given = details.givenName().strip();
            var family = details.familyName().strip();
            children.waitForOthersRegistering("child " + given + "\n" + family + "\n" + details.dateOfBirth());
            children.findReferencesOfSameChild(given, family, details.dateOfBirth()).stream().findFirst()
                    .ifPresent(existing -> {
                        throw new DuplicateChildException(existing, details.givenName() + " " + details.familyName());
                    });
        }
        var reference = "C-%06d".formatted(children.nextReferenceNumber());
        return children.save(new Child(reference, details, timescales.now())).view();
    }

    @Transactional(readOnly = true)
    public ChildView get(String reference) {
        return find(reference).view();
    }

    /** Children whose reference, given or family name starts with the text (case-insensitive), at most {@code limit}. */
    @Transactional(readOnly = true)
    public java.util.List<ChildView> search(String text, int limit) {
        return children.search(text.strip().toLowerCase(java.util.Locale.ROOT) + "%",
                org.springframework.data.domain.PageRequest.of(0, limit)).stream().map(Child::view).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String reference) {
        return lookUp(reference).isPresent();
    }

    /** The child must exist: otherwise the request is answered as not found (404). */
    @Transactional(readOnly = true)
    public void require(String reference) {
        if (!exists(reference)) {
            throw new ChildNotFoundException(reference);
        }
    }

    @Transactional(readOnly = true)
    public Optional<String> allocatedWorker(String reference) {
        return lookUp(reference).flatMap(Child::currentAllocation).map(Allocation::worker);
    }

    /** Who made the child's current allocation, if the child is allocated. */
    @Transactional(readOnly = true)
    public Optional<String> allocatedBy(String reference) {
        return lookUp(reference).flatMap(Child::currentAllocation).map(a -> a.view().allocatedBy());
    }

    /** Allocates a worker from now on, ending the previous allocation. */
    public void allocate(String reference, String worker, String workerName, String team, String teamName, String allocatedBy,
                         String reason) {
        var child = find(reference);
        child.allocate(new Allocation(child, worker, workerName, team, teamName, timescales.now(), allocatedBy, reason));
        audit.changed(reference, "allocation", workerName + (teamName == null ? "" : ", " + teamName));
    }

    /** Every child's allocation as it stands, by worker: the caseloads. */
    @Transactional(readOnly = true)
    public java.util.List<CurrentAllocation> currentAllocations() {
        return children.currentAllocations();
    }

    /**
     * Every allocated child's allocations that were current at some time since {@code since}, oldest first, in one
     * query: the caseloads page counts the changes of social worker from them.
     */
    @Transactional(readOnly = true)
    public java.util.List<RecentAllocations> allocationsSince(java.time.Instant since) {
        return recent(children.allocationsSince(since));
    }

    /** As {@link #allocationsSince(java.time.Instant)}, for these children only. */
    @Transactional(readOnly = true)
    public java.util.List<RecentAllocations> allocationsSince(java.time.Instant since, java.util.Collection<String> references) {
        var rows = new java.util.ArrayList<Object[]>();
        inChunks(references, chunk -> rows.addAll(children.allocationsSince(since, chunk)));
        return recent(rows);
    }

    /** Name, legal status and current allocation of each of these children that exists, in one query per 10,000. */
    @Transactional(readOnly = true)
    public java.util.Map<String, ChildSummary> summaries(java.util.Collection<String> references) {
        var summaries = new java.util.HashMap<String, ChildSummary>();
        inChunks(references, chunk -> children.summaries(chunk).forEach(row -> {
            var reference = (String) row[0];
            var allocated = row[3] != null; // every allocation has a worker
            if (allocated || !summaries.containsKey(reference)) {
                summaries.put(reference, new ChildSummary(reference, (String) row[1], (LegalStatus) row[2], allocated
                        ? new ChildSummary.Allocated((String) row[3], (String) row[4], (String) row[5], (String) row[6]) : null));
            }
        }));
        return summaries;
    }

    private static void inChunks(java.util.Collection<String> references, java.util.function.Consumer<java.util.List<String>> query) {
        var all = java.util.List.copyOf(references);
        for (int from = 0; from < all.size(); from += 10_000) {
            query.accept(all.subList(from, Math.min(all.size(), from + 10_000)));
        }
    }

    private static java.util.List<RecentAllocations> recent(java.util.List<Object[]> rows) {
        var byChild = new java.util.LinkedHashMap<String, RecentAllocations>();
        for (var row : rows) {
            var reference = (String) row[0];
            byChild.computeIfAbsent(reference, r -> new RecentAllocations(r, (String) row[1], new java.util.ArrayList<>()))
                    .allocations().add(((Allocation) row[2]).view());
        }
        return byChild.values().stream().map(r -> new RecentAllocations(r.childReference(), r.childName(), java.util.List.copyOf(r.allocations())))
                .toList();
    }

    /** The team the child's current allocation is with, if the child is allocated. */
    @Transactional(readOnly = true)
    public Optional<String> responsibleTeam(String reference) {
        return lookUp(reference).flatMap(Child::currentAllocation).map(Allocation::team);
    }

    /** The child's legal status changes from a date (an order made, discharged, or the child leaving care). */
    public void changeLegalStatus(String reference, LegalStatus status, java.time.LocalDate effectiveOn, String reason) {
        var child = find(reference);
        var previous = child.legalStatus();
        child.changeLegalStatus(new LegalStatusChange(child, status, effectiveOn, reason, timescales.now()), status);
        audit.changed(reference, "legal status", status + " from " + effectiveOn);
        if (child.legalStatus() != previous) {
            events.publishEvent(new LegalStatusChanged(reference, previous, child.legalStatus(), effectiveOn, reason));
        }
    }

    /**
     * Synchronous, in the publisher's transaction: an order and the legal status it gives commit together
     * or not at all, so no child is shown on a legal status no order gave them, and an order for a child
     * the record does not know is refused with the order.
     */
    @EventListener
    void on(GivesLegalStatus fact) {
        changeLegalStatus(fact.childReference(), fact.legalStatus(), fact.effectiveOn(), fact.reason());
    }

    @Transactional(readOnly = true)
    public LegalStatus legalStatus(String reference) {
        return find(reference).legalStatus();
    }

    public void recordDecision(String reference, String decision, String outcome, String rationale, String decidedBy,
                               String processInstanceId, String taskId) {
        var child = find(reference);
        child.record(new ChildDecision(child, decision, outcome, rationale, decidedBy, timescales.now(), processInstanceId, taskId));
        audit.changed(reference, "decision: " + decision, outcome);
    }

    private Child find(String reference) {
        return lookUp(reference).orElseThrow(() -> new ChildNotFoundException(reference));
    }

    /**
     * The child by their reference, read from the database once per transaction: the reference is the child's
     * natural id, which the transaction's persistence context remembers, so the scope rule asking for the team of
     * each task the engine creates costs no query (and no flush) after the first. An allocation changes that same
     * instance, so a look-up after it in the transaction sees the new team. A child not found is not remembered.
     */
    private Optional<Child> lookUp(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return entityManager.unwrap(Session.class).bySimpleNaturalId(Child.class).loadOptional(reference);
    }
}
