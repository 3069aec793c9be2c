package org.alliancechain.service.arbitration;

import java.util.List;

/**
 * A case an app files in CaseRegistry for its user's organisation (the claimant), citing events already
 * on chain as the claimant's evidence. Plain Java: apps stay free of chain types.
 *
 * @param caseNumber  the filing's number, unique across the suite: {@link ArbitrationFilings#caseNumber(String, String)}
 *                    ({@code <app>/<the app's own reference>}); its keccak256 is the case id on chain
 *                    ({@link ArbitrationFilings#caseId(String)}), as for the cases ODR numbers itself
 * @param commission  the arbitration commission's member alias, e.g. {@code hz-arbitration}
 *                    ({@link ArbitrationFilings#defaultCommission()} is the app's configured one)
 * @param respondent  the respondent organisation's member alias
 * @param claimDigest SHA-256 (32 bytes) of the claim statement the claimant keeps: the case hash on chain
 * @param evidence    1 to {@link ArbitrationFilings#MAX_CITATIONS} cited events, each once
 */
public record ArbitrationFiling(String caseNumber, String commission, String respondent, byte[] claimDigest, List<CitedEvent> evidence) {

    public ArbitrationFiling {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        claimDigest = claimDigest == null ? null : claimDigest.clone();
    }
}
