package org.carepath.tracker;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.carepath.access.ChildAccess;
import org.carepath.adoption.AdoptionClocks;
import org.carepath.adoption.AuthorityScorecard;
import org.carepath.careleaver.CareLeavers;
import org.carepath.drift.CompletedDeadline;
import org.carepath.drift.Deadlines;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.proceedings.Proceedings;
import org.carepath.proceedings.ProceedingsView;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;

/**
 * The performance figures, each by month for the twelve months to the engine clock's today (the current month so far),
 * each counted from recorded dates only: the tracked stages' deadlines as the drift module closed them, the periods in
 * care and their reviews, the care proceedings' days of issue and final orders, the adoption scorecard and the
 * care-leaver figures as their own modules count them. Every threshold and timescale is the catalogue's. Only the
 * children in the viewer's scope are counted ({@link ChildAccess}'s rule, as the tracker's).
 */
@Service
class PerformanceFigures {

    static final int MONTHS = 12;
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    /**
     * The conference itself: the section 47 enquiry before it runs on the same clock (15 working days from the strategy
     * discussion) and is closed when the enquiry is done, so it must not be counted as a conference held.
     */
    static final String CONFERENCE = "SubProcess_InitialConference";
    static final List<String> REVIEWS = List.of("FIRST_LOOKED_AFTER_REVIEW", "SECOND_LOOKED_AFTER_REVIEW", "LOOKED_AFTER_REVIEW");

    private final Deadlines deadlines;
    private final LookedAfter lookedAfter;
    private final Proceedings proceedings;
    private final AdoptionClocks adoption;
    private final CareLeavers careLeavers;
    private final ChildAccess access;
    private final Timescales timescales;

    PerformanceFigures(Deadlines deadlines, LookedAfter lookedAfter, Proceedings proceedings, AdoptionClocks adoption,
                       CareLeavers careLeavers, ChildAccess access, Timescales timescales) {
        this.deadlines = deadlines;
        this.lookedAfter = lookedAfter;
        this.proceedings = proceedings;
        this.adoption = adoption;
        this.careLeavers = careLeavers;
        this.access = access;
        this.timescales = timescales;
    }

    /** One series of a chart: a value per month ({@code null}: nothing to count that month). */
    record Series(String name, String type, String colour, List<Number> values, Integer threshold, String thresholdName) {
    }

    /**
     * One figure: its table (the rows the page shows and the CSV holds, cell for cell) and its chart. {@code unit}
     * names the chart's left axis, {@code rightUnit} its right one when a series is on it (the last series then).
     */
    record Figure(String id, String title, String definition, List<String> headings, List<List<String>> rows,
                  List<String> months, String unit, String rightUnit, boolean stacked, List<Series> series) {
    }

    LocalDate today() {
        return timescales.today();
    }

    /** The months the figures cover, oldest first: the eleven before this month and this month. */
    List<YearMonth> months() {
        var now = YearMonth.from(today());
        var months = new ArrayList<YearMonth>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            months.add(now.minusMonths(back));
        }
        return months;
    }

    static final List<String> IDS = List.of("referral-decisions", "assessments", "initial-conferences", "looked-after-reviews",
            "permanence-plans", "proceedings", "adoption-scorecard", "care-leavers");

    List<Figure> all(Viewer viewer) {
        var inScope = scope(viewer);
        return IDS.stream().map(id -> figure(id, inScope)).toList();
    }

    /** The figure with this id, or {@code null}: only that one is counted. */
    Figure one(Viewer viewer, String id) {
        return IDS.contains(id) ? figure(id, scope(viewer)) : null;
    }

    private Figure figure(String id, Predicate<String> inScope) {
        var months = months();
        var from = months.get(0).atDay(1);
        var to = today();
        return switch (id) {
            case "referral-decisions" -> timeliness(id, "Referral decisions within " + span("REFERRAL_DECISION"), "Decisions",
                    "Referrals whose decision on the response was recorded in the month; on time if decided within "
                            + span("REFERRAL_DECISION") + " of the referral's receipt.",
                    List.of("REFERRAL_DECISION"), null, months, from, to, inScope);
            case "assessments" -> timeliness(id, "Assessments completed within " + span("ASSESSMENT"), "Assessments",
                    "Child and family assessments completed in the month; on time if completed within " + span("ASSESSMENT")
                            + " of the referral.",
                    List.of("ASSESSMENT"), null, months, from, to, inScope);
            case "initial-conferences" -> timeliness(id, "Initial child protection conferences within " + span("INITIAL_CONFERENCE"),
                    "Conferences", "Initial child protection conferences held in the month; on time if held within "
                            + span("INITIAL_CONFERENCE") + " of the strategy discussion that started the section 47 enquiry.",
                    List.of("INITIAL_CONFERENCE"), CONFERENCE, months, from, to, inScope);
            case "looked-after-reviews" -> timeliness(id, "Looked-after reviews on time", "Reviews",
                    "Looked-after reviews held in the month; on time if the first was held within " + span(REVIEWS.get(0))
                            + " of becoming looked after, the second within " + span(REVIEWS.get(1))
                            + " of the first and each later one within " + span(REVIEWS.get(2)) + " of the one before.",
                    REVIEWS, null, months, from, to, inScope);
            case "permanence-plans" -> permanencePlans(months, from, inScope);
            case "proceedings" -> proceedings(months, from, to, inScope);
            case "adoption-scorecard" -> adoptionScorecard(months, inScope);
            case "care-leavers" -> careLeavers(months, inScope);
            default -> throw new IllegalArgumentException("No figure " + id);
        };
    }

    private Predicate<String> scope(Viewer viewer) {
        Map<String, Boolean> known = new HashMap<>();
        return reference -> known.computeIfAbsent(reference, r -> access.canAccess(viewer, r));
    }

    /** "1 working day", "45 working days", "26 weeks": the catalogue's amount in its unit. */
    String span(String key) {
        var timescale = timescales.timescale(key);
        var unit = switch (timescale.unit()) {
            case WORKING_DAYS -> "working day";
            case DAYS -> "day";
            case WEEKS -> "week";
            case MONTHS -> "month";
            case YEARS -> "year";
        };
        return timescale.amount() + " " + unit + (timescale.amount() == 1 ? "" : "s");
    }

    /**
     * The tracked stages on these timescales done in the months, on time or late; {@code stage}, if given, the only
     * step of the journey counted.
     */
    private Figure timeliness(String id, String title, String counted, String definition, List<String> keys, String stage,
                              List<YearMonth> months, LocalDate from, LocalDate to, Predicate<String> inScope) {
        var done = deadlines.completedBetween(keys, from, to).stream().filter(d -> stage == null || stage.equals(d.stage()))
                .filter(d -> inScope.test(d.childReference())).toList();
        var byMonth = byMonth(done, d -> YearMonth.from(d.completedOn()));
        return onTimeFigure(id, title, definition, counted, months, month -> {
            var those = byMonth.getOrDefault(month, List.of());
            return new int[] {those.size(), (int) those.stream().filter(CompletedDeadline::onTime).count()};
        }, "On time", "Late", null);
    }

    /** A figure of things counted in a month, how many of them on time, and the percentage; optional extra columns. */
    private Figure onTimeFigure(String id, String title, String definition, String counted, List<YearMonth> months,
                                Function<YearMonth, int[]> count, String onTimeWords, String lateWords, Extra extra) {
        var headings = new ArrayList<>(List.of("Month", counted, onTimeWords, lateWords, "Percentage on time"));
        var onTime = new ArrayList<Number>();
        var late = new ArrayList<Number>();
        var rows = new ArrayList<List<String>>();
        var extraValues = new ArrayList<Number>();
        if (extra != null) {
            headings.add(extra.heading());
        }
        for (var month : months) {
            var n = count.apply(month);
            onTime.add(n[1]);
            late.add(n[0] - n[1]);
            var row = new ArrayList<>(List.of(month.format(MONTH), String.valueOf(n[0]), String.valueOf(n[1]), String.valueOf(n[0] - n[1]),
                    n[0] == 0 ? "" : Math.round(100.0 * n[1] / n[0]) + "%"));
            if (extra != null) {
                var value = extra.value().apply(month);
                extraValues.add(value);
                row.add(value == null ? "" : String.valueOf(value));
            }
            rows.add(List.copyOf(row));
        }
        var series = new ArrayList<>(List.of(new Series(onTimeWords, "bar", "#00703c", onTime, null, null),
                new Series(lateWords, "bar", "#d4351c", late, null, null)));
        if (extra != null) {
            series.add(new Series(extra.heading(), "line", "#1d70b8", extraValues, extra.threshold(), extra.thresholdName()));
        }
        return new Figure(id, title, definition, List.copyOf(headings), List.copyOf(rows), labels(months), "Number",
                extra == null ? null : extra.unit(), true, List.copyOf(series));
    }

    private record Extra(String heading, String unit, Function<YearMonth, Number> value, Integer threshold, String thresholdName) {
    }

    private Figure permanencePlans(List<YearMonth> months, LocalDate from, Predicate<String> inScope) {
        record Second(YearMonth month, boolean ratified) {
        }
        var seconds = new ArrayList<Second>();
        for (var period : lookedAfter.periodsSince(from)) {
            if (!inScope.test(period.childReference())) {
                continue;
            }
            period.reviews().stream().filter(r -> r.number() == 2 && r.heldOn() != null).findFirst()
                    .ifPresent(second -> seconds.add(new Second(YearMonth.from(second.heldOn()), Tracker.ratified(period) == Tracker.Ratified.YES)));
        }
        var byMonth = byMonth(seconds, Second::month);
        return onTimeFigure("permanence-plans", "Permanence plans ratified by the second review",
                "Looked-after children whose second review was held in the month; counted if a permanence plan was ratified"
                        + " on or before the day of that review.", "Second reviews", months, month -> {
                    var those = byMonth.getOrDefault(month, List.of());
                    return new int[] {those.size(), (int) those.stream().filter(Second::ratified).count()};
                }, "Plan ratified", "No plan ratified", null);
    }

    private Figure proceedings(List<YearMonth> months, LocalDate from, LocalDate to, Predicate<String> inScope) {
        var concluded = proceedings.concludedBetween(from, to).stream()
                .filter(c -> c.issuedOn() != null && inScope.test(c.childReference())).toList();
        var byMonth = byMonth(concluded, c -> YearMonth.from(c.concludedOn()));
        var limit = span("CARE_PROCEEDINGS");
        return onTimeFigure("proceedings", "Care proceedings concluded within " + limit,
                "Care proceedings concluded by a final order in the month; on time if concluded within " + limit
                        + " beginning with the day of issue (extensions not counted); the average length is in weeks from the day of issue.",
                "Concluded", months, month -> {
                    var those = byMonth.getOrDefault(month, List.of());
                    return new int[] {those.size(), (int) those.stream().filter(this::within26Weeks).count()};
                }, "Within " + limit, "Over " + limit, new Extra("Average length (weeks)", "Weeks", month -> {
                    var those = byMonth.getOrDefault(month, List.of());
                    return those.isEmpty() ? null
                            : Math.round(those.stream().mapToLong(PerformanceFigures::daysOfProceedings).average().orElseThrow() / 7 * 10) / 10.0;
                }, timescales.timescale("CARE_PROCEEDINGS").amount(), "The " + limit));
    }

    boolean within26Weeks(ProceedingsView c) {
        return !c.concludedOn().isAfter(timescales.dueDate("CARE_PROCEEDINGS", c.issuedOn()));
    }

    /** The day of issue is day 1. */
    static long daysOfProceedings(ProceedingsView c) {
        return ChronoUnit.DAYS.between(c.issuedOn(), c.concludedOn()) + 1;
    }

    private Figure adoptionScorecard(List<YearMonth> months, Predicate<String> inScope) {
        var cards = new ArrayList<AuthorityScorecard.Period>();
        for (var month : months) {
            cards.add(adoption.scorecard(month.atDay(1), lastDay(month), inScope).period());
        }
        var first = cards.get(0);
        var headings = List.of("Month", "Children adopted", "A1 average days (threshold " + first.a1().threshold() + ")",
                "A2 average days (threshold " + first.a2().threshold() + ")", "A10 average days (threshold " + first.a10().threshold() + ")");
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < months.size(); i++) {
            var card = cards.get(i);
            rows.add(List.of(months.get(i).format(MONTH), String.valueOf(card.childrenAdopted()), days(card.a1()), days(card.a2()), days(card.a10())));
        }
        Function<Function<AuthorityScorecard.Period, AuthorityScorecard.Average>, List<Number>> values = measure ->
                cards.stream().map(card -> (Number) measure.apply(card).averageDays()).toList();
        return new Figure("adoption-scorecard", "Adoption scorecard: A1, A2 and A10 against their thresholds",
                "For the children adopted in the month, the average days from entering care to moving in with the adoptive"
                        + " family (A1), from the placement order to the match (A2) and from entering care to moving in, counting"
                        + " an early permanence placement (A10); each against the scorecard's threshold.",
                headings, List.copyOf(rows), labels(months), "Days", null, false, List.of(
                        new Series("A1", "bar", "#1d70b8", values.apply(AuthorityScorecard.Period::a1), first.a1().threshold(),
                                "A1 threshold (" + first.a1().threshold() + " days)"),
                        new Series("A2", "bar", "#4c2c92", values.apply(AuthorityScorecard.Period::a2), first.a2().threshold(),
                                "A2 threshold (" + first.a2().threshold() + " days)"),
                        new Series("A10", "bar", "#28a197", values.apply(AuthorityScorecard.Period::a10), first.a10().threshold(),
                                "A10 threshold (" + first.a10().threshold() + " days)")));
    }

    private static String days(AuthorityScorecard.Average average) {
        return average.averageDays() == null ? "" : String.valueOf(average.averageDays());
    }

    private Figure careLeavers(List<YearMonth> months, Predicate<String> inScope) {
        var headings = List.of("Month", "Care leavers aged 17 to 24", "In touch", "In suitable accommodation",
                "In education, employment or training", "Percentage in touch", "Percentage in suitable accommodation",
                "Percentage in education, employment or training");
        var rows = new ArrayList<List<String>>();
        var inTouch = new ArrayList<Number>();
        var suitable = new ArrayList<Number>();
        var eet = new ArrayList<Number>();
        for (var month : months) {
            var end = lastDay(month);
            var bands = careLeavers.figures(month.atDay(1), end, inScope).bands();
            int people = bands.stream().mapToInt(b -> b.youngPeople()).sum();
            int touch = bands.stream().mapToInt(b -> b.inTouch()).sum();
            int accommodation = bands.stream().mapToInt(b -> b.suitableAccommodation()).sum();
            int training = bands.stream().mapToInt(b -> b.educationEmploymentOrTraining()).sum();
            inTouch.add(percent(touch, people));
            suitable.add(percent(accommodation, people));
            eet.add(percent(training, people));
            rows.add(List.of(month.format(MONTH), String.valueOf(people), String.valueOf(touch), String.valueOf(accommodation),
                    String.valueOf(training), percentWords(touch, people), percentWords(accommodation, people), percentWords(training, people)));
        }
        return new Figure("care-leavers", "Care leavers in touch, in suitable accommodation and in education, employment or training",
                "Care leavers aged 17 to 24 on the month's last day (or today), as the care-leaver return counts them: in touch if the"
                        + " personal adviser's last contact was within " + span("PERSONAL_ADVISER_VISIT")
                        + "; accommodation and activity as last recorded by then.",
                headings, List.copyOf(rows), labels(months), "Percentage", null, false, List.of(
                        new Series("In touch", "line", "#1d70b8", inTouch, null, null),
                        new Series("Suitable accommodation", "line", "#00703c", suitable, null, null),
                        new Series("Education, employment or training", "line", "#f47738", eet, null, null)));
    }

    /** The month's last day, or today for this month (nothing after today is recorded yet). */
    private LocalDate lastDay(YearMonth month) {
        var end = month.atEndOfMonth();
        return end.isAfter(today()) ? today() : end;
    }

    private static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    private static String percentWords(int part, int whole) {
        return whole == 0 ? "" : percent(part, whole) + "%";
    }

    private static List<String> labels(List<YearMonth> months) {
        return months.stream().map(MONTH::format).toList();
    }

    private static <T> Map<YearMonth, List<T>> byMonth(List<T> items, Function<T, YearMonth> month) {
        var by = new LinkedHashMap<YearMonth, List<T>>();
        items.stream().filter(Objects::nonNull).forEach(item -> by.computeIfAbsent(month.apply(item), m -> new ArrayList<>()).add(item));
        return by;
    }
}
