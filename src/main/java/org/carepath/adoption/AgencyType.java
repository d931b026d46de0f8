package org.carepath.adoption;

/** Who approved the prospective adopters. */
enum AgencyType {
    THIS_COUNCIL, ANOTHER_COUNCIL, REGIONAL_ADOPTION_AGENCY, VOLUNTARY_ADOPTION_AGENCY
}
