package dev.trellis.advisory.domain;

public enum BoardKind {
    GOVERNING_BOARD, TECHNICAL_COMMITTEE, END_USER_BOARD, MARKETING_COMMITTEE, OTHER
}
