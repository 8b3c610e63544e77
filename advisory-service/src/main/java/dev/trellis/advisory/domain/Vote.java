package dev.trellis.advisory.domain;

public enum Vote {
    YES, NO, ABSTAIN
}
