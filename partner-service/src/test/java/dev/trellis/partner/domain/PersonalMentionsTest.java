package dev.trellis.partner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalMentionsTest {
    private final PersonalMentions ada = new PersonalMentions("Ada", "Lovelace", "ada@acme.example");

    @Test
    void theAddressAndBothOrdersOfTheFullNameAreReplacedWhateverTheirCase() {
        assertEquals("Met [erased] ([erased]); [erased] agreed",
                ada.redact("Met ADA lovelace (Ada@Acme.Example); Lovelace, Ada agreed"));
    }

    @Test
    void spacesBetweenTheNamesMayBeSeveral() {
        assertEquals("Ask [erased] again", ada.redact("Ask Ada \t Lovelace again"));
    }

    @Test
    void aFirstNameAloneAndOtherTextStayAndNullStaysNull() {
        assertEquals("Ada said Lovelace Ltd is fine", ada.redact("Ada said Lovelace Ltd is fine"));
        assertNull(ada.redact(null));
    }

    @Test
    void inAMeetingThePersonAttendedTheLastNameAloneIsAMentionAsAWholeWord() {
        assertEquals("[erased] agreed; [erased] asked; Lovelaces and Ada stay",
                ada.redactInOwnMeeting("LOVELACE agreed; Lovelace, Ada asked; Lovelaces and Ada stay"));
        assertEquals("Ask [erased] (or [erased]) again", ada.redactInOwnMeeting("Ask Ada Lovelace (or lovelace) again"));
        assertNull(ada.redactInOwnMeeting(null));
        PersonalMentions shortName = new PersonalMentions("Li", "Wu", "li.wu@x.example");
        assertEquals("Wu said [erased] is right", shortName.redactInOwnMeeting("Wu said li.wu@x.example is right"),
                "a name shorter than three letters is never matched alone");
    }

    @Test
    void theDatabaseFilterLooksForTheAddressOrTheLastName() {
        assertEquals(List.of("ada@acme.example", "lovelace"), ada.lowerCaseFilter());
    }

    @Test
    void regularExpressionCharactersInNamesAreLiteral() {
        PersonalMentions odd = new PersonalMentions("J.", "O'Neil (x)", "j+o@x.example");
        assertEquals("Mail [erased] and [erased]; J. Oxneil", odd.redact("Mail J+O@X.EXAMPLE and J. O'Neil (x); J. Oxneil"));
    }
}
