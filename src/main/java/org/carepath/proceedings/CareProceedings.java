package org.carepath.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** One case: from the request for a legal planning meeting to the final order. */
@Entity
class CareProceedings {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private ProceedingsStatus status;
    private Instant requestedAt;
    private String requestedBy;
    private String reason;
    private LocalDate legalPlanningMeetingOn;
    private Boolean thresholdMet;
    private String legalDecision;
    private LocalDate letterSentOn;
    private LocalDate preProceedingsMeetingOn;
    private LocalDate issuedOn;
    private String court;
    private String caseNumber;
    private LocalDate originalDeadline;
    private LocalDate currentDeadline;
    private LocalDate concludedOn;
    @Enumerated(EnumType.STRING)
    private OrderType finalOrder;
    private Integer durationDays;

    @OneToMany(mappedBy = "proceedings", cascade = CascadeType.ALL)
    @OrderBy("heldOn, id")
    private List<Hearing> hearings = new ArrayList<>();
    @OneToMany(mappedBy = "proceedings", cascade = CascadeType.ALL)
    @OrderBy("madeOn, id")
    private List<CourtOrder> orders = new ArrayList<>();
    @OneToMany(mappedBy = "proceedings", cascade = CascadeType.ALL)
    @OrderBy("dueOn, id")
    private List<CourtDirection> directions = new ArrayList<>();
    @OneToMany(mappedBy = "proceedings", cascade = CascadeType.ALL)
    @OrderBy("grantedOn, id")
    private List<ProceedingsExtension> extensions = new ArrayList<>();

    protected CareProceedings() {
    }

    CareProceedings(String childReference, String reason, String requestedBy, Instant requestedAt) {
        this.childReference = childReference;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = ProceedingsStatus.LEGAL_PLANNING;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void legalPlanningMeetingHeld(LocalDate on, boolean thresholdMet, String decision) {
        this.legalPlanningMeetingOn = on;
        this.thresholdMet = thresholdMet;
        this.legalDecision = decision;
        this.status = switch (decision) {
            case "pre-proceedings" -> ProceedingsStatus.PRE_PROCEEDINGS;
            case "issue-proceedings" -> ProceedingsStatus.TO_BE_ISSUED;
            default -> ProceedingsStatus.NO_LEGAL_ACTION;
        };
    }

    void letterSent(LocalDate on) {
        this.letterSentOn = on;
    }

    void preProceedingsMeetingHeld(LocalDate on) {
        this.preProceedingsMeetingOn = on;
    }

    void issued(LocalDate on, String court, String caseNumber, LocalDate deadline) {
        this.issuedOn = on;
        this.court = court;
        this.caseNumber = caseNumber;
        this.originalDeadline = deadline;
        this.currentDeadline = deadline;
        this.status = ProceedingsStatus.ISSUED;
    }

    void ended(ProceedingsStatus status, LocalDate on) {
        this.status = status;
        this.concludedOn = on;
    }

    void extended(ProceedingsExtension extension, LocalDate newDeadline) {
        extensions.add(extension);
        currentDeadline = newDeadline;
    }

    void heard(Hearing hearing) {
        hearings.add(hearing);
    }

    void ordered(CourtOrder order) {
        orders.add(order);
        if (order.type().isFinal()) {
            finalOrder = order.type();
            concludedOn = order.madeOn();
            durationDays = (int) ChronoUnit.DAYS.between(issuedOn, concludedOn) + 1;
            status = ProceedingsStatus.CONCLUDED;
        }
    }

    void directed(CourtDirection direction) {
        directions.add(direction);
    }

    /** A step the case has taken, on the day it was taken. */
    record Step(String what, LocalDate on) {
    }

    /** The latest step the case took after {@code date}, if any: what a date recorded now must not precede. */
    Optional<Step> stepAfter(LocalDate date) {
        return Stream.of(new Step("the legal planning meeting", legalPlanningMeetingOn),
                        new Step("the letter before proceedings", letterSentOn),
                        new Step("the pre-proceedings meeting", preProceedingsMeetingOn),
                        new Step("the day the application was issued", issuedOn))
                .filter(step -> step.on() != null && step.on().isAfter(date))
                .reduce((earlier, later) -> later);
    }

    /** The week of the 26 the case is in (the day of issue is day 1 of week 1). */
    Integer week(LocalDate today) {
        if (issuedOn == null) {
            return null;
        }
        var last = concludedOn != null ? concludedOn : today;
        return (int) (ChronoUnit.DAYS.between(issuedOn, last) / 7) + 1;
    }

    boolean issuesResolutionHearingListed() {
        return hearings.stream().anyMatch(h -> h.type() == HearingType.ISSUES_RESOLUTION
                || h.nextHearingType() == HearingType.ISSUES_RESOLUTION || h.nextHearingType() == HearingType.FINAL);
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    ProceedingsStatus status() {
        return status;
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    LocalDate currentDeadline() {
        return currentDeadline;
    }

    List<CourtDirection> directions() {
        return directions;
    }

    ProceedingsView view(LocalDate today, Risk risk) {
        return new ProceedingsView(id, childReference, processInstanceId, status, requestedAt, requestedBy, reason,
                legalPlanningMeetingOn, thresholdMet, legalDecision, letterSentOn, preProceedingsMeetingOn, issuedOn, court,
                caseNumber, week(today), originalDeadline, currentDeadline, concludedOn, finalOrder,
                durationDays == null ? null : Math.round(durationDays / 7.0 * 10) / 10.0, risk,
                extensions.stream().map(ProceedingsExtension::view).toList(),
                hearings.stream().map(Hearing::view).toList(),
                orders.stream().map(CourtOrder::view).toList(),
                directions.stream().map(CourtDirection::view).toList());
    }
}
