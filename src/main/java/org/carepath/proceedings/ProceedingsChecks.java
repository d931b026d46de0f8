package org.carepath.proceedings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.InvalidRequestException.FieldProblem;
import org.carepath.web.IsoDate;
import org.springframework.stereotype.Component;

/**
 * Checks what the court recorded before anything is written: first the request alone (Bean Validation
 * on {@link HearingInput}), then against the case (dates in the order the journey took, who can own a
 * direction, the catalogue's ceiling on an extension). Every bad field is reported at once.
 */
@Component
class ProceedingsChecks {

    /**
     * The roles that own court directions, in the order a direction's task is offered to them: the owner's
     * task is also offered to the first of these groups they belong to (in the child's team, for a
     * team-scoped role), so every task has a candidate group. The hearing form offers their members.
     */
    static final List<String> DIRECTION_OWNER_GROUPS = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.LEGAL);
    static final String EXTENSION_CEILING = "PROCEEDINGS_EXTENSION";

    private final Validator validator;
    private final IdentityService identity;
    private final Timescales timescales;

    ProceedingsChecks(Validator validator, IdentityService identity, Timescales timescales) {
        this.validator = validator;
        this.identity = identity;
        this.timescales = timescales;
    }

    record Order(OrderType type, LocalDate madeOn) {
    }

    record Direction(String direction, String owner, String ownerGroup, LocalDate givenOn, LocalDate dueOn) {
    }

    record Extension(int weeks, String reason, LocalDate grantedOn) {
    }

    record Hearing(HearingType type, LocalDate heldOn, String outcome, LocalDate nextHearingOn, HearingType nextHearingType,
                   List<Order> orders, List<Direction> directions, Extension extension) {
    }

    /** A hearing's record, checked in full: answered with every bad field, or with what to write. */
    Hearing hearing(CareProceedings proceedings, HearingInput input) {
        requireIssued(proceedings);
        var problems = new FieldProblems(violations(input));
        var type = problems.fine("type") ? HearingType.valueOf(input.type()) : null;
        var heldOn = problems.fine("heldOn") ? followingTheJourney(proceedings, LocalDate.parse(input.heldOn()), "heldOn", problems) : null;
        LocalDate next = null;
        if (input.nextHearingOn() != null && problems.fine("nextHearingOn")) {
            next = LocalDate.parse(input.nextHearingOn());
            if (heldOn != null && !next.isAfter(heldOn)) {
                problems.add("nextHearingOn", "must be after the hearing (" + heldOn + ")");
            }
        }
        var orders = new ArrayList<Order>();
        var orderInputs = input.orders() == null ? List.<HearingInput.OrderInput>of() : input.orders();
        for (int i = 0; i < orderInputs.size(); i++) {
            var field = "orders[" + i + "]";
            if (orderInputs.get(i) == null || !problems.fine(field + ".type") || !problems.fine(field + ".madeOn")) {
                continue;
            }
            var order = OrderType.valueOf(orderInputs.get(i).type());
            if (order == OrderType.DISCHARGE_OF_CARE_ORDER) {
                problems.add(field + ".type", "a care order is discharged through the revocation pathway");
            } else if (order.isFinal() && type != null && type != HearingType.FINAL) {
                problems.add(field + ".type", order + " is a final order: record it at the final hearing");
            }
            var madeOn = orderInputs.get(i).madeOn() == null ? heldOn
                    : followingTheJourney(proceedings, LocalDate.parse(orderInputs.get(i).madeOn()), field + ".madeOn", problems);
            if (madeOn != null) {
                orders.add(new Order(order, madeOn));
            }
        }
        if (type == HearingType.FINAL && orders.stream().filter(o -> o.type().isFinal()).count() != 1) {
            problems.add("orders", "the final hearing records exactly one final order (or NO_ORDER)");
        }
        var directions = new ArrayList<Direction>();
        var directionInputs = input.directions() == null ? List.<HearingInput.DirectionInput>of() : input.directions();
        for (int i = 0; i < directionInputs.size(); i++) {
            var direction = direction(directionInputs.get(i), heldOn, "directions[" + i + "].", problems);
            if (direction != null) {
                directions.add(direction);
            }
        }
        var extension = input.extension() == null ? null : extension(proceedings, input.extension(), "extension.", problems);
        problems.throwIfAny();
        return new Hearing(type, heldOn, input.outcome().strip(), next,
                input.nextHearingType() == null ? null : HearingType.valueOf(input.nextHearingType()), orders, directions, extension);
    }

    /** A direction given outside a hearing, on {@code givenOn} (today if not given). */
    Direction direction(CareProceedings proceedings, HearingInput.DirectionInput input, String givenOn) {
        requireIssued(proceedings);
        var problems = new FieldProblems(violations(input));
        LocalDate given = timescales.today();
        if (givenOn != null) {
            problems.addAll(validator.validateValue(Given.class, "givenOn", givenOn).stream()
                    .map(v -> new FieldProblem("givenOn", v.getMessage())).toList());
            given = problems.fine("givenOn") ? followingTheJourney(proceedings, LocalDate.parse(givenOn), "givenOn", problems) : null;
        }
        var direction = direction(input, given, "", problems);
        problems.throwIfAny();
        return direction;
    }

    /** An extension of the 26 weeks recorded on its own. */
    Extension extension(CareProceedings proceedings, HearingInput.ExtensionInput input) {
        requireIssued(proceedings);
        var problems = new FieldProblems(violations(input));
        var extension = extension(proceedings, input, "", problems);
        problems.throwIfAny();
        return extension;
    }

    /**
     * A date the process records must not come before the steps the case has already taken: no issue before
     * the legal planning meeting, no hearing before the application was issued. Refused as the task's input.
     */
    LocalDate inOrder(CareProceedings proceedings, String variable, LocalDate date) {
        proceedings.stepAfter(date).ifPresent(step -> {
            throw TaskInput.invalid(variable, variable + " must not be before " + step.what() + " (" + step.on() + ")");
        });
        return date;
    }

    void requireIssued(CareProceedings proceedings) {
        if (proceedings.status() != ProceedingsStatus.ISSUED) {
            throw new ConflictException("Care proceedings " + proceedings.id() + " are " + proceedings.status()
                    + ": hearings, directions and extensions are recorded once the application is issued and until the final order");
        }
    }

    // ------------------------------------------------------------------ the parts

    private Direction direction(HearingInput.DirectionInput input, LocalDate givenOn, String prefix, FieldProblems problems) {
        if (input == null) {
            return null;
        }
        String ownerGroup = null;
        if (problems.fine(prefix + "owner")) {
            if (identity.createUserQuery().userId(input.owner()).count() == 0) {
                problems.add(prefix + "owner", "'" + input.owner() + "' is not a CarePath user");
            } else {
                ownerGroup = Viewer.of(identity, input.owner()).firstOf(DIRECTION_OWNER_GROUPS).orElse(null);
                if (ownerGroup == null) {
                    problems.add(prefix + "owner", "'" + input.owner() + "' is not a social worker, team manager or"
                            + " local authority solicitor (" + String.join(", ", DIRECTION_OWNER_GROUPS) + ")");
                }
            }
        }
        LocalDate due = null;
        if (problems.fine(prefix + "dueOn")) {
            due = LocalDate.parse(input.dueOn());
            if (givenOn != null && due.isBefore(givenOn)) {
                problems.add(prefix + "dueOn", "must not be before the direction was given (" + givenOn + ")");
            }
        }
        return problems.fine(prefix + "direction") && ownerGroup != null && problems.fine(prefix + "dueOn")
                ? new Direction(input.direction().strip(), input.owner(), ownerGroup, givenOn, due) : null;
    }

    private Extension extension(CareProceedings proceedings, HearingInput.ExtensionInput input, String prefix, FieldProblems problems) {
        int ceiling = timescales.timescale(EXTENSION_CEILING).amount();
        if (problems.fine(prefix + "weeks") && input.weeks() > ceiling) {
            problems.add(prefix + "weeks", "must be between 1 and " + ceiling
                    + ": an extension is at most " + ceiling + " weeks at a time (Children Act 1989 s.32(8))");
        }
        LocalDate granted = timescales.today();
        if (input.grantedOn() != null) {
            granted = problems.fine(prefix + "grantedOn")
                    ? followingTheJourney(proceedings, LocalDate.parse(input.grantedOn()), prefix + "grantedOn", problems) : null;
        }
        return problems.fine(prefix + "weeks") && problems.fine(prefix + "reason") && granted != null
                ? new Extension(input.weeks(), input.reason().strip(), granted) : null;
    }

    private LocalDate followingTheJourney(CareProceedings proceedings, LocalDate date, String field, FieldProblems problems) {
        var step = proceedings.stepAfter(date);
        step.ifPresent(s -> problems.add(field, "must not be before " + s.what() + " (" + s.on() + ")"));
        return step.isPresent() ? null : date;
    }

    /** Bean Validation's findings, each named by its JSON path ({@code directions[0].owner}). */
    private List<FieldProblem> violations(Object input) {
        return validator.validate(input).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage())).toList();
    }

    /** A date a direction was given, checked as the request's other dates are. */
    private record Given(@IsoDate(notInFuture = true) String givenOn) {
    }
}
