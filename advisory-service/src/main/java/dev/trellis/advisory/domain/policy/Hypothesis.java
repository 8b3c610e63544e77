package dev.trellis.advisory.domain.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Changes that have not happened, applied to a board as the policy sees it, so the engine can say what they would
 * break (governance foresight: the day an acquisition is announced). Plain rules over a {@link BoardState}; nothing
 * is stored.
 */
public record Hypothesis(List<Change> changes) {
    public Hypothesis {
        changes = List.copyOf(changes);
    }

    /** One hypothetical change. */
    public sealed interface Change permits Acquisition, TierChange, EmployerChange {
    }

    /** {@code acquirer} takes control of {@code acquired}: the acquired company and its group join the acquirer's group. */
    public record Acquisition(UUID acquirer, UUID acquired) implements Change {
        public Acquisition {
            Objects.requireNonNull(acquirer, "acquirer");
            Objects.requireNonNull(acquired, "acquired");
        }
    }

    /** {@code partner}'s tier becomes {@code tier}. */
    public record TierChange(UUID partner, String tier) implements Change {
        public TierChange {
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** The contact leaves every employer and works for {@code newEmployer} only. */
    public record EmployerChange(UUID contact, UUID newEmployer) implements Change {
        public EmployerChange {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(newEmployer, "newEmployer");
        }
    }

    /** The board as it would be after every change, in order. */
    public BoardState applyTo(BoardState state) {
        Map<UUID, PartnerFacts> partners = new HashMap<>(state.partners());
        List<Holding> holdings = new ArrayList<>(state.holdings());
        for (Change change : changes) {
            if (change instanceof Acquisition a) {
                UUID acquirerGroup = groupOf(partners, a.acquirer());
                UUID acquiredGroup = groupOf(partners, a.acquired());
                for (Map.Entry<UUID, PartnerFacts> e : new ArrayList<>(partners.entrySet())) {
                    PartnerFacts p = e.getValue();
                    if (p.group().equals(acquiredGroup) && !p.partnerId().equals(acquirerGroup)) {
                        e.setValue(new PartnerFacts(p.partnerId(), p.tier(), p.active(), acquirerGroup));
                    }
                }
                if (!partners.containsKey(a.acquired())) {
                    partners.put(a.acquired(), new PartnerFacts(a.acquired(), null, false, acquirerGroup));
                }
            } else if (change instanceof TierChange t) {
                PartnerFacts p = partners.get(t.partner());
                if (p != null) {
                    partners.put(t.partner(), new PartnerFacts(p.partnerId(), t.tier(), p.active(), p.parentPartnerId()));
                }
            } else if (change instanceof EmployerChange m) {
                holdings.replaceAll(h -> m.contact().equals(h.holderContactId())
                        ? new Holding(h.seatId(), h.kind(), h.holderContactId(), h.partnerId(), h.tierBasis(), h.termStart(),
                                h.termEnd(), Set.of(m.newEmployer()))
                        : h);
            }
        }
        return new BoardState(holdings, partners);
    }

    private static UUID groupOf(Map<UUID, PartnerFacts> partners, UUID partner) {
        PartnerFacts p = partners.get(partner);
        return p == null ? partner : p.group();
    }
}
