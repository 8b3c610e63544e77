package dev.trellis.advisory.domain;

public enum VotingStatus {
    VOTING, SUSPENDED
}
