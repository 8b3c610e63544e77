package dev.trellis.partner.service;

import dev.trellis.partner.config.PartnerConfig;
import dev.trellis.partner.domain.Membership;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.service.ImportResult.Outcome;
import dev.trellis.partner.service.command.ImportMembership;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * CSV import of memberships (docs/import.md). The natural key is the partner, which has one membership, and the
 * line's term start: a partner without a membership gets it, a term that starts after the stored one replaces it
 * once that has expired, the stored term itself is left as it is, an earlier one is history. Every write goes
 * through {@link MembershipService#start}, so its rules (tiers, terms, the partner's lifecycle) and its events
 * apply as for the API's own writes. Chunks, transactions and the dry run are the {@link ImportRunner}'s; what the
 * service would refuse is checked here first, so that a refusal is a line of the report in both.
 */
@ApplicationScoped
public class MembershipImportService {
    private final ImportRunner runner;
    private final MembershipService memberships;
    private final PartnerService partners;
    private final PartnerConfig config;

    public MembershipImportService(ImportRunner runner, MembershipService memberships, PartnerService partners,
            PartnerConfig config) {
        this.runner = runner;
        this.memberships = memberships;
        this.partners = partners;
        this.config = config;
    }

    /** As {@link ContactImportService#run}, the changes recorded as made by {@code caller}. */
    public void run(Iterator<ImportLine<ImportMembership>> lines, boolean dryRun, Caller caller,
            Consumer<ImportResult> results) {
        runner.run(lines, dryRun, new Steps(caller), results);
    }

    private final class Steps implements ImportRunner.Steps<ImportMembership, Map<String, UUID>> {
        private final Caller caller;

        Steps(Caller caller) {
            this.caller = caller;
        }

        @Override
        public boolean linesApart() {
            return true;
        }

        /** The chunk's partners by {@code id:}, {@code ext:} and {@code domain:} keys. */
        @Override
        public Map<String, UUID> lookUp(List<ImportMembership> commands) {
            Set<String> externalIds = new HashSet<>();
            Set<String> domains = new HashSet<>();
            Set<UUID> ids = new HashSet<>();
            for (ImportMembership command : commands) {
                if (command.partnerId() != null) {
                    ids.add(command.partnerId());
                } else if (command.partnerExternalId() != null) {
                    externalIds.add(command.partnerExternalId());
                } else {
                    domains.add(command.partnerDomain());
                }
            }
            Map<String, UUID> known = new HashMap<>();
            partners.existing(ids).forEach(id -> known.put("id:" + id, id));
            for (Partner p : partners.lockForImport(externalIds, domains)) {
                if (p.externalId != null) {
                    known.put("ext:" + p.externalId, p.id);
                }
                p.emailDomains.forEach(d -> known.put("domain:" + d, p.id));
            }
            return known;
        }

        @Override
        public ImportResult apply(ImportLine<ImportMembership> line, Map<String, UUID> known) {
            ImportMembership command = line.command();
            UUID partnerId;
            if (command.partnerId() != null) {
                partnerId = known.get("id:" + command.partnerId());
                if (partnerId == null) {
                    return ImportResult.refused(line, "partnerId: no partner has this id");
                }
            } else if (command.partnerExternalId() != null) {
                partnerId = known.get("ext:" + command.partnerExternalId());
                if (partnerId == null) {
                    return ImportResult.refused(line, "partnerExternalId: no partner has this external id");
                }
            } else {
                partnerId = known.get("domain:" + command.partnerDomain());
                if (partnerId == null) {
                    return ImportResult.refused(line, "partnerDomain: no partner has the email domain "
                            + command.partnerDomain());
                }
            }
            if (!config.tiers().contains(command.tier())) {
                return ImportResult.refused(line, "tier: one of " + config.tiers());
            }
            String term = command.tier() + " " + command.termStart() + " to " + command.termEnd()
                    + (command.autoRenew() ? ", renewing" : "");
            LocalDate today = memberships.today();
            Membership existing = Membership.ofPartner(partnerId).orElse(null);
            if (existing == null) {
                memberships.start(partnerId, null, command.start(), caller);
                return new ImportResult(line.line(), line.key(), Outcome.CREATED, "membership " + term);
            }
            MembershipTerms stored = memberships.termsOn(existing, today);
            if (command.termStart().equals(stored.termStart()) || command.termStart().equals(existing.termStart)) {
                boolean same = command.tier().equals(stored.tier()) && command.termEnd().equals(stored.termEnd())
                        && command.autoRenew() == stored.autoRenew();
                return new ImportResult(line.line(), line.key(), Outcome.UNCHANGED, same ? ""
                        : "this term is stored as " + stored.tier() + " to " + stored.termEnd()
                                + "; change it through the membership API (renewals, tier changes)");
            }
            if (command.termStart().isBefore(stored.termStart())) {
                return new ImportResult(line.line(), line.key(), Outcome.UNCHANGED,
                        "an earlier term: the membership's term starts " + stored.termStart());
            }
            if (!memberships.rules().replaceable(stored, today)) {
                return ImportResult.refused(line, "termStart: the partner's membership has not expired (it is "
                        + memberships.rules().status(stored, today) + " until " + stored.termEnd() + ")");
            }
            memberships.start(partnerId, "\"" + existing.version + "\"", command.start(), caller);
            return new ImportResult(line.line(), line.key(), Outcome.UPDATED, "new term " + term);
        }
    }
}
