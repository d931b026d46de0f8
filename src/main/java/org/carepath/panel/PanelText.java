package org.carepath.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.carepath.timescale.Timescales;

/** How the panel pages write dates, times, panel types and roles, in British English whatever the browser's language. */
public final class PanelText {

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final ZoneId zone;

    PanelText(ZoneId zone) {
        this.zone = zone;
    }

    /** Tuesday 12 January 2027 */
    public String day(LocalDate date) {
        return date == null ? "" : Timescales.DAY_IN_WORDS.format(date);
    }

    /** Tue 12 Jan 2027 */
    public String weekday(LocalDate date) {
        return date == null ? "" : WEEKDAY.format(date);
    }

    /** 12 Jan 2027 */
    public String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    static String shortDayOf(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    public String shortDay(Instant instant) {
        return instant == null ? "" : SHORT_DAY.format(instant.atZone(zone).toLocalDate());
    }

    public String month(java.time.YearMonth month) {
        return MONTH.format(month);
    }

    public String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** PERMANENCE: Permanence panel */
    public static String type(String type) {
        return type == null ? "" : capitalised(type) + " panel";
    }

    /** VICE_CHAIR: Vice-chair */
    public static String role(String role) {
        if (role == null) {
            return "";
        }
        return role.equals("VICE_CHAIR") ? "Vice-chair" : capitalised(role);
    }

    public static String status(String status) {
        return status == null ? "" : capitalised(status);
    }

    private static String capitalised(String constant) {
        var words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** [PERMANENCE, ADOPTION]: permanence, adoption */
    public static String typeList(java.util.Collection<String> types) {
        return types.stream().sorted().map(t -> t.toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("no panel");
    }

    public static String places(int n) {
        return n + (n == 1 ? " place" : " places");
    }

    public static String cases(int n) {
        return n + (n == 1 ? " case" : " cases");
    }
}
