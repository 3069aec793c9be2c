package org.alliancechain.supplyfinance.receivables;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;

/**
 * Projects ReceivableRegistry into certificates, parts and their history: the standard ERC-3525
 * events give each part's holder and value (so the tables hold exactly what standard tools read),
 * the registry's own events give the tree (parent, depth), the escrow and the certificate's status.
 * One stream in chain order, so a part is always minted before it is split or offered.
 */
@ApplicationScoped
public class CertificateLedger implements ChainEventHandler {

    private static final String ZERO_ACCOUNT = "0x0000000000000000000000000000000000000000";

    private final ReceivableChain chain;
    private final org.alliancechain.service.chain.ChainClock clock;
    /** Slot → certificate id: every part minted into a slot asks, and a slot's certificate never changes. */
    private final java.util.Map<BigDecimal, Long> slots = new java.util.concurrent.ConcurrentHashMap<>();

    CertificateLedger(ReceivableChain chain, org.alliancechain.service.chain.ChainClock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public String stream() {
        return "sf-receivables";
    }

    @Override
    public String contract() {
        return chain.registry();
    }

    @Override
    public String event() {
        return events().getFirst();
    }

    @Override
    public List<String> events() {
        return List.of(
                "PayableConfirmed(bytes32 indexed confirmationId, bytes32 indexed core, address indexed supplier, uint256 slot, "
                        + "uint256 rootPartId, uint256 faceCents, uint32 maturityDay, bool longTenor, bytes32 documentDigest)",
                "Transfer(address indexed from, address indexed to, uint256 indexed tokenId)",
                "SlotChanged(uint256 indexed tokenId, uint256 indexed oldSlot, uint256 indexed newSlot)",
                "TransferValue(uint256 indexed fromTokenId, uint256 indexed toTokenId, uint256 value)",
                "PartStateChanged(uint256 indexed partId, uint8 from, uint8 to)",
                "PartSplit(uint256 indexed partId, uint256 indexed newPartId, uint256 valueCents)",
                "OfferMade(uint256 indexed pendingPartId, uint256 indexed sourcePartId, address indexed splitter, address recipient, "
                        + "uint256 valueCents, uint64 expiresAt)",
                "OfferClosed(uint256 indexed pendingPartId, uint8 outcome, address indexed holder, uint256 intoPartId)",
                "SettlementRecorded(bytes32 indexed confirmationId, bytes32 paymentProofDigest, bool late)",
                "PartSettled(bytes32 indexed confirmationId, uint256 indexed partId, address indexed holder, uint256 amountCents)",
                "CertificateSettled(bytes32 indexed confirmationId, uint256 settledCents)",
                "CertificateOverdue(bytes32 indexed confirmationId, bytes32 indexed core, uint256 overdueCents, uint256 events)",
                "PartInArbitration(uint256 indexed partId, bytes32 indexed caseId, address indexed holder)");
    }

    /**
     * A chunk at once: its parts read in one query by primary key and the history logs it already recorded
     * (a chunk replayed after a crash) in one by transaction hash, then every event applied in memory; the new
     * parts and history rows are written in JDBC batches when the chunk's transaction flushes. Per event, a
     * split cost four statements before (a look-up that found no part, the duplicate check, two inserts).
     */
    @Override
    public boolean handlesInBulk() {
        return true;
    }

    @Override
    public void handle(ChainEvent e) {
        handleAll(List.of(e));
    }

    @Override
    public void handleAll(List<ChainEvent> events) {
        var chunk = new Chunk(events);
        for (var e : events) {
            apply(e, chunk);
        }
    }

    /** What one chunk touches: its parts by id (those the chain mints in it created here), and the logs it recorded before. */
    private static final class Chunk {
        private static final int KEYS_PER_QUERY = 1_000;
        private static final List<String> PART_KEYS = List.of("tokenId", "fromTokenId", "toTokenId", "partId", "newPartId", "pendingPartId",
                "sourcePartId");
        private final java.util.Map<Long, ReceivablePart> parts = new java.util.HashMap<>();
        private final java.util.Set<String> recorded;

        Chunk(List<ChainEvent> events) {
            var ids = new java.util.TreeSet<Long>();
            var transactions = new java.util.HashSet<String>();
            for (var e : events) {
                transactions.add(e.transactionHash());
                for (String key : PART_KEYS) {
                    if (e.values().get(key) instanceof BigInteger id && id.signum() > 0) {
                        ids.add(id.longValueExact());
                    }
                }
            }
            var all = List.copyOf(ids);
            for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
                for (ReceivablePart p : ReceivablePart.<ReceivablePart>list("partId in ?1", all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY)))) {
                    parts.put(p.partId, p);
                }
            }
            recorded = HistoryEntry.recorded(transactions);
        }

        ReceivablePart part(long id, ChainEvent e) {
            var part = parts.computeIfAbsent(id, key -> {
                var minted = new ReceivablePart();
                minted.partId = key;
                minted.state = ReceivablePart.State.NONE;
                minted.persist();
                return minted;
            });
            part.updatedBlock = e.blockNumber();
            return part;
        }

        void record(ChainEvent e, Long certificateId, Long partId, String kind, String actor, String counterparty, Long amount, String detail) {
            if (recorded.add(HistoryEntry.key(e.transactionHash(), e.logIndex()))) {
                HistoryEntry.add(e, certificateId, partId, kind, actor, counterparty, amount, detail);
            }
        }
    }

    private void apply(ChainEvent e, Chunk chunk) {
        switch (e.event()) {
            case "PayableConfirmed" -> ReceivableCertificate.byConfirmationId(e.bytes("confirmationId")).ifPresent(c -> {
                c.status = ReceivableCertificate.Status.OUTSTANDING;
                c.rootPartId = e.number("rootPartId").longValueExact();
                c.slot = new BigDecimal(e.number("slot"));
                chunk.record(e, c.id, c.rootPartId, "CONFIRMED", c.core, c.supplier, c.faceCents, null);
            });
            case "Transfer" -> {
                long id = e.number("tokenId").longValueExact();
                String to = (String) e.values().get("to");
                var part = chunk.part(id, e);
                if (ZERO_ACCOUNT.equals(to)) {
                    part.holder = null;
                } else {
                    part.holderAccount = to;
                    part.holder = chain.organisationOf(to).orElse(null);
                }
            }
            case "SlotChanged" -> {
                var slot = new BigDecimal(e.number("newSlot"));
                if (slot.signum() != 0) {
                    var part = chunk.part(e.number("tokenId").longValueExact(), e);
                    Long certificate = slots.get(slot);
                    if (certificate == null) {
                        certificate = ReceivableCertificate.<ReceivableCertificate>find("slot", slot).firstResultOptional().map(c -> c.id).orElse(null);
                        if (certificate != null) {
                            slots.put(slot, certificate); // a certificate's slot never changes
                        }
                    }
                    if (certificate != null) {
                        part.certificateId = certificate;
                    }
                }
            }
            case "TransferValue" -> {
                long value = e.number("value").longValueExact();
                long from = e.number("fromTokenId").longValueExact();
                long to = e.number("toTokenId").longValueExact();
                if (from != 0) {
                    chunk.part(from, e).valueCents -= value;
                }
                if (to != 0) {
                    chunk.part(to, e).valueCents += value;
                }
            }
            case "PartStateChanged" -> chunk.part(e.number("partId").longValueExact(), e).state =
                    ReceivablePart.State.ofChain(e.number("to").intValueExact());
            case "PartSplit" -> {
                var source = chunk.part(e.number("partId").longValueExact(), e);
                var split = chunk.part(e.number("newPartId").longValueExact(), e);
                split.parentId = source.partId;
                split.depth = (short) (source.depth + 1);
                if (split.certificateId == null) {
                    split.certificateId = source.certificateId;
                }
                chunk.record(e, source.certificateId, split.partId, "SPLIT", source.holder, null, e.number("valueCents").longValueExact(), null);
            }
            case "OfferMade" -> {
                var source = chunk.part(e.number("sourcePartId").longValueExact(), e);
                var pending = chunk.part(e.number("pendingPartId").longValueExact(), e);
                pending.parentId = source.partId;
                pending.depth = (short) (source.depth + 1);
                if (pending.certificateId == null) {
                    pending.certificateId = source.certificateId;
                }
                pending.recipient = chain.organisationOf((String) e.values().get("recipient")).orElse((String) e.values().get("recipient"));
                pending.expiresAt = Instant.ofEpochSecond(e.number("expiresAt").longValueExact());
                pending.splitter = source.holder;
                chunk.record(e, source.certificateId, pending.partId, "OFFERED", source.holder, pending.recipient,
                        e.number("valueCents").longValueExact(), null);
            }
            case "OfferClosed" -> {
                var pending = chunk.part(e.number("pendingPartId").longValueExact(), e);
                var outcome = OfferOutcome.values()[e.number("outcome").intValueExact()];
                String holder = chain.organisationOf((String) e.values().get("holder")).orElse((String) e.values().get("holder"));
                chunk.record(e, pending.certificateId, pending.partId, outcome.name(), outcome == OfferOutcome.ACCEPTED ? pending.recipient : holder,
                        outcome == OfferOutcome.ACCEPTED ? null : pending.recipient, null, outcome.english);
                pending.recipient = null;
                pending.splitter = null;
                pending.expiresAt = null;
            }
            case "SettlementRecorded" -> ReceivableCertificate.byConfirmationId(e.bytes("confirmationId")).ifPresent(c -> {
                boolean late = Boolean.TRUE.equals(e.values().get("late"));
                c.status = ReceivableCertificate.Status.SETTLING;
                c.paidAt = clock.now();
                if (late) {
                    OverdueEvent.update("curedAt = ?1 where certificateId = ?2 and curedAt is null", c.paidAt, c.id);
                }
                chunk.record(e, c.id, null, "PAID", c.core, null, c.outstandingCents(),
                        late ? "paid late, after the certificate was overdue" : "paid at maturity");
            });
            case "PartSettled" -> ReceivableCertificate.byConfirmationId(e.bytes("confirmationId")).ifPresent(c -> {
                long amount = e.number("amountCents").longValueExact();
                String holder = chain.organisationOf((String) e.values().get("holder")).orElse((String) e.values().get("holder"));
                var part = chunk.part(e.number("partId").longValueExact(), e);
                chunk.record(e, c.id, part.partId, "PART_SETTLED", holder, c.core, amount, "paid to the holder, the part closed");
            });
            case "CertificateSettled" -> ReceivableCertificate.byConfirmationId(e.bytes("confirmationId")).ifPresent(c -> {
                c.status = ReceivableCertificate.Status.SETTLED;
                c.settledCents = e.number("settledCents").longValueExact();
                c.settledAt = clock.now();
                chunk.record(e, c.id, null, "CERTIFICATE_SETTLED", c.core, null, c.settledCents, "every part settled, the invoices released");
            });
            case "CertificateOverdue" -> ReceivableCertificate.byConfirmationId(e.bytes("confirmationId")).ifPresent(c -> {
                long cents = e.number("overdueCents").longValueExact();
                c.status = ReceivableCertificate.Status.OVERDUE;
                c.overdueAt = clock.now();
                c.overdueCents = cents;
                if (OverdueEvent.count("txHash = ?1 and logIndex = ?2", e.transactionHash(), e.logIndex()) == 0) {
                    var overdue = new OverdueEvent();
                    overdue.core = c.core;
                    overdue.certificateId = c.id;
                    overdue.overdueCents = cents;
                    overdue.eventsTotal = e.number("events").intValueExact();
                    overdue.markedAt = c.overdueAt;
                    overdue.txHash = e.transactionHash();
                    overdue.logIndex = e.logIndex();
                    overdue.persist();
                }
                chunk.record(e, c.id, null, "OVERDUE", c.core, null, cents, "unpaid after the payment date and the grace days");
            });
            case "PartInArbitration" -> {
                var part = chunk.part(e.number("partId").longValueExact(), e);
                part.caseId = e.bytes("caseId");
                String holder = chain.organisationOf((String) e.values().get("holder")).orElse((String) e.values().get("holder"));
                ReceivableCertificate.<ReceivableCertificate>findByIdOptional(part.certificateId).ifPresent(c ->
                        chunk.record(e, c.id, part.partId, "IN_ARBITRATION", holder, c.core, part.valueCents,
                                "taken to arbitration, case 0x" + java.util.HexFormat.of().formatHex(part.caseId)));
            }
            default -> throw new IllegalStateException("CertificateLedger does not follow " + e.event());
        }
    }

    /** IReceivableRegistry.OfferOutcome, in declaration order. */
    enum OfferOutcome {
        ACCEPTED("accepted by the recipient"), REJECTED("rejected by the recipient, value returned"),
        WITHDRAWN("withdrawn by the holder, value returned"), EXPIRED("expired, value returned to the holder"),
        LAPSED("lapsed at settlement");

        final String english;

        OfferOutcome(String english) {
            this.english = english;
        }
    }

    /** keccak256(abi.encode(bytes32 core, bytes32 confirmationId, uint32 maturityDay)): the slot the registry gives a certificate. */
    public static BigInteger slotOf(byte[] coreMember, byte[] confirmationId, long maturityDay) {
        byte[] encoded = new byte[96];
        System.arraycopy(coreMember, 0, encoded, 0, 32);
        System.arraycopy(confirmationId, 0, encoded, 32, 32);
        byte[] day = BigInteger.valueOf(maturityDay).toByteArray();
        System.arraycopy(day, 0, encoded, 96 - day.length, day.length);
        return new BigInteger(1, org.alliancechain.chain.api.ChainIds.keccak256(encoded));
    }
}
