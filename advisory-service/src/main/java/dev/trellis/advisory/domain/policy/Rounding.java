package dev.trellis.advisory.domain.policy;

/** How "1 seat per N members" treats a remainder: FLOOR gives 0 seats to 4 members at N=5, CEILING gives 1. */
public enum Rounding {
    FLOOR, CEILING;

    int seats(int members, int membersPerSeat) {
        return this == FLOOR ? members / membersPerSeat : (members + membersPerSeat - 1) / membersPerSeat;
    }
}
