package org.carepath.timescale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days in England and Wales: not Saturdays, Sundays, Christmas Day, Boxing Day, Good Friday or
 * a bank holiday. Bank holidays come from data shipped with CarePath (and replaceable by the council),
 * never from the network at run time. Christmas Day, Boxing Day and Good Friday are also computed, so
 * they stay non-working days even in a year the data does not cover.
 */
public final class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<LocalDate, String> bankHolidays;
    private final int firstYear;
    private final int lastYear;
    private final Map<Integer, Boolean> warnedYears = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> workingDaysByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(Map<LocalDate, String> bankHolidays) {
        if (bankHolidays.isEmpty()) {
            throw new IllegalArgumentException("The bank-holiday list is empty");
        }
        this.bankHolidays = Collections.unmodifiableMap(new TreeMap<>(bankHolidays));
        var years = bankHolidays.keySet().stream().mapToInt(LocalDate::getYear).summaryStatistics();
        this.firstYear = years.getMin();
        this.lastYear = years.getMax();
    }

    /**
     * Reads a bank-holiday list: one {@code yyyy-mm-dd,name} per line; blank lines and lines starting
     * with {@code #} are ignored, as is a header line starting with {@code date}.
     */
    public static WorkingDayCalendar read(InputStream csv, String description) throws IOException {
        var holidays = new TreeMap<LocalDate, String>();
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                var trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date")) {
                    continue;
                }
                var parts = trimmed.split(",", 2);
                try {
                    holidays.put(LocalDate.parse(parts[0].strip()), parts.length > 1 ? parts[1].strip() : "Bank holiday");
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "Line " + number + " of " + description + " is not 'yyyy-mm-dd,name': " + line, e);
                }
            }
        }
        return new WorkingDayCalendar(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        warnIfOutsideData(date.getYear());
        var counts = workingDaysInYear(date.getYear());
        return counts[date.getDayOfYear()] > counts[date.getDayOfYear() - 1];
    }

    private boolean isWorkingDayWithoutWarning(LocalDate date) {
        var day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        if (date.getMonth() == Month.DECEMBER && (date.getDayOfMonth() == 25 || date.getDayOfMonth() == 26)) {
            return false;
        }
        if (date.equals(goodFriday(date.getYear()))) {
            return false;
        }
        return !bankHolidays.containsKey(date);
    }

    /** The Nth working day after {@code date}; {@code date} itself when N is 0. */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        if (workingDays < 0) {
            return subtractWorkingDays(date, -workingDays);
        }
        var day = date;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The Nth working day before {@code date}; {@code date} itself when N is 0. */
    public LocalDate subtractWorkingDays(LocalDate date, int workingDays) {
        if (workingDays < 0) {
            return addWorkingDays(date, -workingDays);
        }
        var day = date;
        for (int counted = 0; counted < workingDays; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days fall after {@code from} up to and including {@code to}; 0 if {@code to} is not later. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            warnIfOutsideData(year);
        }
        int count = workingDaysThrough(to) - workingDaysThrough(from);
        for (int year = from.getYear(); year < to.getYear(); year++) {
            var counts = workingDaysInYear(year);
            count += counts[counts.length - 1];
        }
        return count;
    }

    /** Working days from 1 January of the date's year up to and including the date (0 for 31 December before it). */
    private int workingDaysThrough(LocalDate date) {
        return workingDaysInYear(date.getYear())[date.getDayOfYear()];
    }

    /**
     * Working days of a year counted up to each of its days, index 1 for 1 January: counted once per year, so that
     * counting the working days a deadline is late costs the same however long ago it was.
     */
    private int[] workingDaysInYear(int year) {
        return workingDaysByYear.computeIfAbsent(year, y -> {
            var first = LocalDate.ofYearDay(y, 1);
            var counts = new int[first.lengthOfYear() + 1];
            for (int day = 1; day < counts.length; day++) {
                counts[day] = counts[day - 1] + (isWorkingDayWithoutWarning(first.plusDays(day - 1)) ? 1 : 0);
            }
            return counts;
        });
    }

    /** The bank holidays the calendar knows, by date. */
    public Map<LocalDate, String> bankHolidays() {
        return bankHolidays;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** Easter Sunday by the anonymous Gregorian algorithm, less two days. */
    static LocalDate goodFriday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day).minusDays(2);
    }

    private void warnIfOutsideData(int year) {
        if ((year < firstYear || year > lastYear) && warnedYears.putIfAbsent(year, Boolean.TRUE) == null) {
            log.warn("The bank-holiday list covers {} to {}: bank holidays in {} are unknown, so only weekends, "
                    + "Christmas Day, Boxing Day and Good Friday count as non-working days. "
                    + "Replace the list (carepath.calendar.bank-holidays).", firstYear, lastYear, year);
        }
    }
}
