package dev.trellis.partner.service;

/** Which of an owner's next steps the worklist shows. */
public enum Due {
    /** Not done and due before today. */
    OVERDUE,
    /** Not done, whatever the due date. */
    OPEN,
    /** Done or not. */
    ALL
}
