package dev.trellis.partner.service;

import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.contracts.advisory.InviteeRole;
import dev.trellis.contracts.advisory.MeetingInvitee;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.messaging.out.PartnerMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Invitations to the board meetings advisory-service schedules: partner-service holds the invitees' addresses, so it
 * sends them, one mail per contact, recorded in the consumer's transaction (a replayed event is one the inbox has
 * seen, so nobody is invited twice). A contact that is unknown here, erased or without an address gets none.
 */
@ApplicationScoped
public class BoardInvitations {
    private static final Logger LOG = Logger.getLogger(BoardInvitations.class);

    private final PartnerMails mails;

    public BoardInvitations(PartnerMails mails) {
        this.mails = mails;
    }

    /** @return how many invitations were recorded */
    @Transactional(Transactional.TxType.MANDATORY)
    public int invite(BoardMeetingScheduled meeting, Instant scheduledAt) {
        Set<UUID> invited = new HashSet<>();
        int sent = 0;
        for (MeetingInvitee invitee : meeting.invitees() == null ? java.util.List.<MeetingInvitee>of() : meeting.invitees()) {
            if (invitee == null || invitee.contactId() == null || !invited.add(invitee.contactId())) {
                continue;
            }
            Contact contact = Contact.findById(invitee.contactId());
            if (contact == null || contact.erased() || contact.email == null || contact.email.isBlank()) {
                continue;
            }
            mails.boardInvitation(meeting, scheduledAt, contact, invitee.role() == InviteeRole.ALTERNATE);
            sent++;
        }
        LOG.debugf("meeting %s: %d invitation(s) of %d invitee(s)", meeting.meetingId(), sent, invited.size());
        return sent;
    }
}
