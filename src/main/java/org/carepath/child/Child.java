package org.carepath.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import org.hibernate.annotations.NaturalId;

@Entity
class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @NaturalId
    private String reference;
    private String givenName;
    private String familyName;
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private String ethnicity;
    @Enumerated(EnumType.STRING)
    private LegalStatus legalStatus;
    private Instant createdAt;

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    @OrderBy("allocatedFrom, id")
    private List<Allocation> allocations = new ArrayList<>();

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    @OrderBy("decidedAt, id")
    private List<ChildDecision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    @OrderBy("effectiveOn, id")
    private List<LegalStatusChange> legalStatusHistory = new ArrayList<>();

    protected Child() {
    }

    Child(String reference, NewChild details, Instant createdAt) {
        this.reference = reference;
        this.givenName = details.givenName().strip();
        this.familyName = details.familyName().strip();
        this.dateOfBirth = details.dateOfBirth();
        this.gender = details.gender() == null ? Gender.NOT_KNOWN : details.gender();
        this.ethnicity = details.ethnicity();
        this.legalStatus = LegalStatus.NOT_LOOKED_AFTER;
        this.createdAt = createdAt;
    }

    void allocate(Allocation allocation) {
        currentAllocation().ifPresent(current -> current.end(allocation.from()));
        allocations.add(allocation);
    }

    void record(ChildDecision decision) {
        decisions.add(decision);
    }

    /** A new legal status from a date; the latest in time is the current one, whatever order they are recorded in. */
    void changeLegalStatus(LegalStatusChange change, LegalStatus status) {
        legalStatusHistory.add(change);
        if (legalStatusHistory.stream().allMatch(earlier -> !earlier.effectiveOn().isAfter(change.effectiveOn()))) {
            legalStatus = status;
        }
    }

    LegalStatus legalStatus() {
        return legalStatus;
    }

    Optional<Allocation> currentAllocation() {
        return allocations.stream().filter(Allocation::current).reduce((first, second) -> second);
    }

    String reference() {
        return reference;
    }

    String name() {
        return givenName + " " + familyName;
    }

    ChildView view() {
        return new ChildView(reference, givenName, familyName, dateOfBirth, gender, ethnicity, legalStatus,
                legalStatusHistory.stream().map(LegalStatusChange::view).toList(), createdAt,
                currentAllocation().map(Allocation::view).orElse(null),
                allocations.stream().map(Allocation::view).toList(),
                decisions.stream().map(ChildDecision::view).toList());
    }
}
