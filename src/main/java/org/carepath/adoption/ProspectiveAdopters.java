package org.carepath.adoption;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Validator;

import org.carepath.access.ChildAccess;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prospective adopters: the households approved to adopt, their status over time, and the children they are
 * linked with. A link is refused, saying why and storing nothing, when the household is not approved (or is
 * matched already), or its approval does not cover the children's ages, their number or a sibling group.
 */
@Service
@Transactional
public class ProspectiveAdopters {

    private final ProspectiveAdopterRepository adopters;
    private final Children children;
    private final ChildAccess access;
    private final Audit audit;
    private final Timescales timescales;
    private final Validator validator;

    ProspectiveAdopters(ProspectiveAdopterRepository adopters, Children children, ChildAccess access, Audit audit,
                        Timescales timescales, Validator validator) {
        this.adopters = adopters;
        this.children = children;
        this.access = access;
        this.audit = audit;
        this.timescales = timescales;
        this.validator = validator;
    }

    AdopterView add(AdoptionInput.Adopter input) {
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("approvedAgeFrom") && problems.fine("approvedAgeTo") && input.approvedAgeTo() < input.approvedAgeFrom()) {
            problems.add("approvedAgeTo", "must not be below the youngest age approved (" + input.approvedAgeFrom() + ")");
        }
        if (problems.fine("approvedChildren") && problems.fine("siblingGroups") && input.approvedChildren() > 1 && !input.siblingGroups()) {
            problems.add("siblingGroups", "must be true when more than one child is approved for: they would be a sibling group");
        }
        problems.throwIfAny();
        var adopter = new ProspectiveAdopter(input.householdName().strip(), AgencyType.valueOf(input.agencyType()),
                input.agencyName().strip(), LocalDate.parse(input.approvedOn()), input.approvalDecidedBy().strip(), input.approvedChildren(),
                input.approvedAgeFrom(), input.approvedAgeTo(), input.siblingGroups(), input.needsTheyCanMeet().strip(), timescales.now(), by());
        input.household().forEach(m -> adopter.member(m.name().strip(), m.relationship().strip(),
                m.dateOfBirth() == null ? null : LocalDate.parse(m.dateOfBirth())));
        return adopters.saveAndFlush(adopter).view();
    }

    @Transactional(readOnly = true)
    List<AdopterView> all() {
        return adopters.findAllByOrderByHouseholdNameAscIdAsc().stream().map(ProspectiveAdopter::view).toList();
    }

    @Transactional(readOnly = true)
    AdopterView get(long id) {
        return find(id).view();
    }

    /** On hold, back to approved or withdrawn; linked, matched and placed follow the household's links and matches. */
    AdopterView changeStatus(long id, AdoptionInput.StatusChange input) {
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("status") && !List.of("APPROVED", "ON_HOLD", "WITHDRAWN").contains(input.status())) {
            problems.add("status", "must be APPROVED, ON_HOLD or WITHDRAWN: " + input.status().toLowerCase(java.util.Locale.ROOT)
                    + " follows the household's links and matches");
        }
        problems.throwIfAny();
        var adopter = adopters.findLockedById(id).orElseThrow(() -> new NotFoundException("No prospective adopters " + id));
        if (adopter.status() == AdopterStatus.WITHDRAWN) {
            throw new ConflictException(adopter.householdName() + " withdrew: a new approval is a new record");
        }
        if (input.status().equals("APPROVED") && !adopter.openLinks().isEmpty()) {
            throw new ConflictException(adopter.householdName() + " are linked with " + adopter.openLinks().size()
                    + " child(ren): end the link before marking them available again");
        }
        var on = LocalDate.parse(input.changedOn());
        if (on.isBefore(adopter.approvedOn())) {
            throw new org.carepath.web.InvalidRequestException("changedOn", "must not be before the approval (" + adopter.approvedOn() + ")");
        }
        adopter.status(AdopterStatus.valueOf(input.status()), on, input.reason().strip(), timescales.now(), by());
        return adopter.view();
    }

    /** The household linked with a child, or with siblings to be placed together, within what their approval covers. */
    AdopterView link(long id, AdoptionInput.Link input) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        var adopter = adopters.findLockedById(id).orElseThrow(() -> new NotFoundException("No prospective adopters " + id));
        var linkedOn = LocalDate.parse(input.linkedOn());
        if (!adopter.status().linkable()) {
            problems.add("adopter", adopter.householdName() + " are " + adopter.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": only approved households not yet matched can be linked with a child");
        }
        if (linkedOn.isBefore(adopter.approvedOn())) {
            problems.add("linkedOn", "must not be before the approval (" + adopter.approvedOn() + ")");
        }
        var wanted = new LinkedHashSet<String>();
        for (int i = 0; i < input.children().size(); i++) {
            var reference = input.children().get(i).strip();
            var field = "children[" + i + "]";
            if (!wanted.add(reference)) {
                problems.add(field, reference + " is named twice");
                continue;
            }
            if (!children.exists(reference) || !access.canAccess(access.viewer(), reference)) {
                problems.add(field, "no child " + reference);
                continue;
            }
            var born = children.get(reference).dateOfBirth();
            if (born == null) {
                problems.add(field, reference + " has no date of birth on the record: the approval's age range cannot be checked");
                continue;
            }
            var age = Period.between(born, linkedOn).getYears();
            if (age < adopter.approvedAgeFrom() || age > adopter.approvedAgeTo()) {
                problems.add(field, reference + " is " + age + ": " + adopter.householdName() + " are approved for children aged "
                        + adopter.approvedAgeFrom() + " to " + adopter.approvedAgeTo());
            }
        }
        int total = adopter.openLinks().size() + wanted.size();
        if (total > adopter.approvedChildrenMax()) {
            problems.add("children", adopter.householdName() + " are approved for " + adopter.approvedChildrenMax()
                    + (adopter.approvedChildrenMax() == 1 ? " child" : " children") + "; this would be " + total);
        }
        problems.throwIfAny();
        for (var reference : wanted) {
            if (adopters.childIsLinked(reference)) {
                throw new ConflictException(reference + " is linked with another household already: end that link first");
            }
        }
        wanted.forEach(reference -> {
            adopter.link(reference, linkedOn, timescales.now(), by());
            audit.changed(reference, "linked with prospective adopters", adopter.householdName() + " (" + adopter.id() + ")");
        });
        adopter.status(AdopterStatus.LINKED, linkedOn, "Linked with " + String.join(", ", wanted), timescales.now(), by());
        adopters.flush();
        return adopter.view();
    }

    private ProspectiveAdopter find(long id) {
        return adopters.findById(id).orElseThrow(() -> new NotFoundException("No prospective adopters " + id));
    }

    /** The household, or {@code null} when there is none of that id. */
    @Transactional(readOnly = true)
    ProspectiveAdopter household(Long id) {
        return id == null ? null : adopters.findById(id).orElse(null);
    }

    private String by() {
        var user = access.viewer().userId();
        return user == null ? "carepath" : user;
    }

    /** A household linked with a child, as the matching journey reads it. */
    record OpenLink(long adopterId, String household, LocalDate linkedOn) {
    }

    @Transactional(readOnly = true)
    java.util.Optional<OpenLink> openLinkOf(String child) {
        return adopters.findOpenLinkOf(child).map(l -> new OpenLink(l.adopter().id(), l.adopter().householdName(), l.linkedOn()));
    }

    /** The agency decision maker agreed the match. */
    void matched(long adopterId, String child, LocalDate on) {
        var adopter = adopters.findLockedById(adopterId).orElseThrow();
        adopter.openLinks().stream().filter(l -> l.childReference().equals(child)).forEach(l -> l.matched());
        adopter.status(AdopterStatus.MATCHED, on, "Matched with " + child, timescales.now(), by());
        audit.changed(child, "matched with prospective adopters", adopter.householdName() + " (" + adopterId + ")");
    }

    /** The link ends; a household with no other link is available again. */
    void unlinked(long adopterId, String child, LocalDate on, String reason) {
        var adopter = adopters.findLockedById(adopterId).orElseThrow();
        adopter.openLinks().stream().filter(l -> l.childReference().equals(child)).forEach(l -> l.ended(on, reason));
        if (adopter.openLinks().isEmpty()) {
            adopter.status(AdopterStatus.APPROVED, on, reason + " (" + child + ")", timescales.now(), by());
        }
        audit.changed(child, "link with prospective adopters ended", adopter.householdName() + ": " + reason);
    }

    /** The child moved in with the household. */
    void placed(long adopterId, String child, LocalDate on) {
        var adopter = adopters.findLockedById(adopterId).orElseThrow();
        adopter.status(AdopterStatus.PLACED, on, child + " moved in", timescales.now(), by());
    }
}
