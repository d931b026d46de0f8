package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A household approved to adopt: who is in it, the approval behind them and what it covers, their agency, their
 * status over time and the children they are linked with.
 */
@Entity
class ProspectiveAdopter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String householdName;
    @Enumerated(EnumType.STRING)
    private AgencyType agencyType;
    private String agencyName;
    private LocalDate approvedOn;
    private String approvalDecidedBy;
    private int approvedChildrenMax;
    private int approvedAgeFrom;
    private int approvedAgeTo;
    private boolean siblingGroups;
    private String needsTheyCanMeet;
    @Enumerated(EnumType.STRING)
    private AdopterStatus status;
    private Instant createdAt;
    private String createdBy;

    @OneToMany(mappedBy = "adopter", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Member> members = new ArrayList<>();
    @OneToMany(mappedBy = "adopter", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<StatusChange> statuses = new ArrayList<>();
    @OneToMany(mappedBy = "adopter", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Link> links = new ArrayList<>();

    protected ProspectiveAdopter() {
    }

    ProspectiveAdopter(String householdName, AgencyType agencyType, String agencyName, LocalDate approvedOn, String approvalDecidedBy,
                       int approvedChildrenMax, int approvedAgeFrom, int approvedAgeTo, boolean siblingGroups, String needsTheyCanMeet,
                       Instant at, String by) {
        this.householdName = householdName;
        this.agencyType = agencyType;
        this.agencyName = agencyName;
        this.approvedOn = approvedOn;
        this.approvalDecidedBy = approvalDecidedBy;
        this.approvedChildrenMax = approvedChildrenMax;
        this.approvedAgeFrom = approvedAgeFrom;
        this.approvedAgeTo = approvedAgeTo;
        this.siblingGroups = siblingGroups;
        this.needsTheyCanMeet = needsTheyCanMeet;
        this.createdAt = at;
        this.createdBy = by;
        status(AdopterStatus.APPROVED, approvedOn, "Approved: " + approvalDecidedBy, at, by);
    }

    Long id() {
        return id;
    }

    String householdName() {
        return householdName;
    }

    AdopterStatus status() {
        return status;
    }

    int approvedChildrenMax() {
        return approvedChildrenMax;
    }

    int approvedAgeFrom() {
        return approvedAgeFrom;
    }

    int approvedAgeTo() {
        return approvedAgeTo;
    }

    LocalDate approvedOn() {
        return approvedOn;
    }

    void member(String name, String relationship, LocalDate dateOfBirth) {
        members.add(new Member(this, name, relationship, dateOfBirth));
    }

    void status(AdopterStatus status, LocalDate on, String reason, Instant at, String by) {
        this.status = status;
        statuses.add(new StatusChange(this, status, on, reason, at, by));
    }

    void link(String childReference, LocalDate on, Instant at, String by) {
        links.add(new Link(this, childReference, on, at, by));
    }

    List<Link> openLinks() {
        return links.stream().filter(l -> l.endedOn == null).toList();
    }

    AdopterView view() {
        return new AdopterView(id, householdName,
                members.stream().map(m -> new AdopterView.Member(m.name, m.relationship, m.dateOfBirth)).toList(),
                agencyType.name(), agencyName, approvedOn, approvalDecidedBy,
                new AdopterView.ApprovedFor(approvedChildrenMax, approvedAgeFrom, approvedAgeTo, siblingGroups, needsTheyCanMeet),
                status.name(), statuses.stream().map(s -> new AdopterView.Status(s.status.name(), s.changedOn, s.reason, s.changedBy)).toList(),
                links.stream().map(l -> new AdopterView.Link(l.childReference, l.status, l.linkedOn, l.endedOn, l.endedReason)).toList());
    }

    @Entity(name = "ProspectiveAdopterMember")
    @Table(name = "prospective_adopter_member")
    static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @ManyToOne
        @JoinColumn(name = "adopter_id")
        private ProspectiveAdopter adopter;
        private String name;
        private String relationship;
        private LocalDate dateOfBirth;

        protected Member() {
        }

        Member(ProspectiveAdopter adopter, String name, String relationship, LocalDate dateOfBirth) {
            this.adopter = adopter;
            this.name = name;
            this.relationship = relationship;
            this.dateOfBirth = dateOfBirth;
        }
    }

    @Entity(name = "ProspectiveAdopterStatus")
    @Table(name = "prospective_adopter_status")
    static class StatusChange {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @ManyToOne
        @JoinColumn(name = "adopter_id")
        private ProspectiveAdopter adopter;
        @Enumerated(EnumType.STRING)
        private AdopterStatus status;
        private LocalDate changedOn;
        private String reason;
        private Instant changedAt;
        private String changedBy;

        protected StatusChange() {
        }

        StatusChange(ProspectiveAdopter adopter, AdopterStatus status, LocalDate changedOn, String reason, Instant changedAt, String changedBy) {
            this.adopter = adopter;
            this.status = status;
            this.changedOn = changedOn;
            this.reason = reason;
            this.changedAt = changedAt;
            this.changedBy = changedBy;
        }
    }

    @Entity(name = "AdopterLink")
    @Table(name = "adopter_link")
    static class Link {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @ManyToOne
        @JoinColumn(name = "adopter_id")
        private ProspectiveAdopter adopter;
        private String childReference;
        private String status;
        private LocalDate linkedOn;
        private LocalDate endedOn;
        private String endedReason;
        private Instant createdAt;
        private String createdBy;

        protected Link() {
        }

        Link(ProspectiveAdopter adopter, String childReference, LocalDate linkedOn, Instant createdAt, String createdBy) {
            this.adopter = adopter;
            this.childReference = childReference;
            this.status = "LINKED";
            this.linkedOn = linkedOn;
            this.createdAt = createdAt;
            this.createdBy = createdBy;
        }

        String childReference() {
            return childReference;
        }

        ProspectiveAdopter adopter() {
            return adopter;
        }

        LocalDate linkedOn() {
            return linkedOn;
        }

        void matched() {
            this.status = "MATCHED";
        }

        void ended(LocalDate on, String reason) {
            this.status = "ENDED";
            this.endedOn = on;
            this.endedReason = reason;
        }
    }
}
