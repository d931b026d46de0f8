package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.carepath.timescale.Timescales;

/**
 * The authority's care-leaver figures for a period, by age band as the statutory return counts them (17–18, 19–21,
 * 22–25), computed from recorded dates: who is counted is a care leaver eligible by the period's end, aged 17 to 24
 * on its last day, whose support had not closed before it began. Each measure is what held on the last day:
 * <ul>
 *   <li>in touch: the personal adviser's last contact no longer ago than the catalogue's limit
 *       ({@code PERSONAL_ADVISER_VISIT});</li>
 *   <li>suitable accommodation, in education, employment or training, staying put: the circumstances recorded last
 *       on or before that day;</li>
 *   <li>plan reviewed on time: the last plan or review on or before that day not yet due for review
 *       ({@code PATHWAY_PLAN_REVIEW}).</li>
 * </ul>
 */
public record CareLeaverFigures(LocalDate from, LocalDate to, List<Band> bands) {

    static final List<int[]> BANDS = List.of(new int[] {17, 18}, new int[] {19, 21}, new int[] {22, 25});

    public record Band(String ages, int youngPeople, int inTouch, int suitableAccommodation, int educationEmploymentOrTraining,
                       int stayingPut, int planReviewedOnTime) {
    }

    /** What is counted of one young person: dates only, as recorded. */
    record YoungPerson(LocalDate dateOfBirth, LocalDate eligibleOn, LocalDate closedOn, List<LocalDate> contacts,
                       List<Situation> circumstances, List<LocalDate> plans) {
    }

    record Situation(LocalDate from, boolean suitableAccommodation, boolean educationEmploymentOrTraining, boolean stayingPut) {
    }

    static CareLeaverFigures count(LocalDate from, LocalDate to, List<YoungPerson> people, Timescales timescales) {
        var bands = BANDS.stream().map(band -> {
            var counted = people.stream().filter(p -> p.eligibleOn() != null && !p.eligibleOn().isAfter(to))
                    .filter(p -> p.closedOn() == null || !p.closedOn().isBefore(from))
                    .filter(p -> {
                        int age = age(p.dateOfBirth(), to);
                        return age >= band[0] && age <= band[1] && age < 25;
                    }).toList();
            int inTouch = (int) counted.stream().filter(p -> latest(p.contacts(), to)
                    .map(last -> !timescales.dueDate("PERSONAL_ADVISER_VISIT", last).isBefore(to)).orElse(false)).count();
            int suitable = (int) counted.stream().filter(p -> situation(p, to).map(Situation::suitableAccommodation).orElse(false)).count();
            int eet = (int) counted.stream().filter(p -> situation(p, to).map(Situation::educationEmploymentOrTraining).orElse(false)).count();
            int stayingPut = (int) counted.stream().filter(p -> situation(p, to).map(Situation::stayingPut).orElse(false)).count();
            int reviewed = (int) counted.stream().filter(p -> latest(p.plans(), to)
                    .map(last -> !timescales.dueDate("PATHWAY_PLAN_REVIEW", last).isBefore(to)).orElse(false)).count();
            return new Band(band[0] + "-" + band[1], counted.size(), inTouch, suitable, eet, stayingPut, reviewed);
        }).toList();
        return new CareLeaverFigures(from, to, bands);
    }

    /** Age in whole years on {@code day}, a leap-day birthday falling on 1 March in other years. */
    static int age(LocalDate dateOfBirth, LocalDate day) {
        int age = day.getYear() - dateOfBirth.getYear();
        return Timescales.anniversary(dateOfBirth, age).isAfter(day) ? age - 1 : age;
    }

    private static Optional<LocalDate> latest(List<LocalDate> dates, LocalDate onOrBefore) {
        return dates.stream().filter(d -> !d.isAfter(onOrBefore)).max(Comparator.naturalOrder());
    }

    private static Optional<Situation> situation(YoungPerson person, LocalDate onOrBefore) {
        return person.circumstances().stream().filter(s -> !s.from().isAfter(onOrBefore)).max(Comparator.comparing(Situation::from));
    }
}
