package org.carepath.demo;

/** How many children of each kind a seed brings to: the counts are totals, not additions (seeding again adds nothing). */
public record SeedSize(int lookedAfter, int childProtection, int childrenInNeed) {

    /** A few dozen children: what a fresh {@code ./mvnw spring-boot:run} shows. */
    public static final SeedSize SMALL = new SeedSize(12, 8, 10);
    /** A council-sized caseload, as issue 14 sets it. */
    public static final SeedSize COUNCIL = new SeedSize(2000, 1200, 1700);

    public int total() {
        return lookedAfter + childProtection + childrenInNeed;
    }
}
