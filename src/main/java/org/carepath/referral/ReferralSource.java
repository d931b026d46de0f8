package org.carepath.referral;

/** Who made the referral (after the CIN census's referral sources). */
public enum ReferralSource {
    FAMILY_OR_FRIEND, SELF, SCHOOL, EARLY_YEARS, HEALTH, GP, POLICE, HOUSING, LOCAL_AUTHORITY, VOLUNTARY_SECTOR,
    ANONYMOUS, OTHER;

    String label() {
        var words = name().toLowerCase().replace('_', ' ');
        return switch (this) {
            case GP -> "GP";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
        };
    }
}
