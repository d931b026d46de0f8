package org.carepath.careleaver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** A young person eligible for leaving-care support, from the day they became eligible to closure. */
@Entity
class CareLeaver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private LocalDate dateOfBirth;
    private LocalDate eligibleOn;
    private String personalAdviser;
    private LocalDate personalAdviserFrom;
    private String stayingPutDecision;
    private LocalDate stayingPutDecidedOn;
    private String stayingCloseDecision;
    private LocalDate stayingCloseDecidedOn;
    private LocalDate stayingPutEndedOn;
    private LocalDate declinedOn;
    private String rightToReturn;
    private LocalDate returnedOn;
    private LocalDate closedOn;
    private String closureReason;
    private String processInstanceId;
    private Instant recordedAt;

    @OneToMany(mappedBy = "careLeaver", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<PathwayPlan> plans = new ArrayList<>();
    @OneToMany(mappedBy = "careLeaver", cascade = CascadeType.ALL)
    @OrderBy("contactedOn, id")
    private List<AdviserContact> contacts = new ArrayList<>();
    @OneToMany(mappedBy = "careLeaver", cascade = CascadeType.ALL)
    @OrderBy("recordedOn, id")
    private List<Circumstances> circumstances = new ArrayList<>();

    protected CareLeaver() {
    }

    CareLeaver(String childReference, LocalDate dateOfBirth, LocalDate eligibleOn, String processInstanceId, Instant recordedAt) {
        this.childReference = childReference;
        this.dateOfBirth = dateOfBirth;
        this.eligibleOn = eligibleOn;
        this.processInstanceId = processInstanceId;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    LocalDate eligibleOn() {
        return eligibleOn;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String personalAdviser() {
        return personalAdviser;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    LocalDate declinedOn() {
        return declinedOn;
    }

    boolean stayingCloseConsidered() {
        return stayingCloseDecision != null;
    }

    boolean stayingPut() {
        return "chosen".equals(stayingPutDecision) && stayingPutEndedOn == null;
    }

    List<PathwayPlan> plans() {
        return plans;
    }

    Optional<PathwayPlan> latestPlan() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    Optional<PlanGoal> goal(long goalId) {
        return plans.stream().flatMap(p -> p.goals().stream()).filter(g -> g.id() == goalId).findFirst();
    }

    List<AdviserContact> contacts() {
        return contacts;
    }

    List<Circumstances> circumstances() {
        return circumstances;
    }

    void eligibleAgain(LocalDate on, String processInstanceId) {
        this.eligibleOn = eligibleOn == null ? on : eligibleOn;
        this.processInstanceId = processInstanceId;
        this.closedOn = null;
        this.closureReason = null;
    }

    void adviser(String personalAdviser, LocalDate from) {
        this.personalAdviser = personalAdviser;
        this.personalAdviserFrom = from;
    }

    PathwayPlan plan(PathwayPlan plan) {
        plans.add(plan);
        return plan;
    }

    void contact(AdviserContact contact) {
        contacts.add(contact);
    }

    void circumstances(Circumstances record) {
        circumstances.add(record);
    }

    void stayingPut(String decision, LocalDate on) {
        stayingPutDecision = decision;
        stayingPutDecidedOn = on;
    }

    void stayingClose(String decision, LocalDate on) {
        stayingCloseDecision = decision;
        stayingCloseDecidedOn = on;
    }

    void stayingPutEnded(LocalDate on) {
        stayingPutEndedOn = on;
    }

    void declined(LocalDate on, String rightToReturn) {
        declinedOn = on;
        this.rightToReturn = rightToReturn;
    }

    void returned(LocalDate on) {
        returnedOn = on;
    }

    void closed(LocalDate on, String reason) {
        closedOn = on;
        closureReason = reason;
    }

    CareLeaverView view(List<CareLeaverStatus.Since> statuses, CareLeaverStatus status, String localOffer) {
        return new CareLeaverView(id, childReference, dateOfBirth, eligibleOn, status, statuses, personalAdviser, personalAdviserFrom,
                new CareLeaverView.Decision(stayingPutDecision, stayingPutDecidedOn), stayingPutEndedOn,
                new CareLeaverView.Decision(stayingCloseDecision, stayingCloseDecidedOn),
                declinedOn, rightToReturn, returnedOn, closedOn, closureReason, localOffer,
                plans.stream().map(PathwayPlan::view).toList(),
                contacts.stream().map(AdviserContact::view).toList(),
                circumstances.stream().map(Circumstances::view).toList(),
                processInstanceId);
    }
}
