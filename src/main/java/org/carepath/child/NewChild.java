package org.carepath.child;

import java.time.LocalDate;

/** What is known about a child the council has not met before. */
public record NewChild(String givenName, String familyName, LocalDate dateOfBirth, Gender gender, String ethnicity) {
}
