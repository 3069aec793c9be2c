package org.alliancechain.supplyfinance.financing;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;

/** Banks' quotes as FinancingQuotes priced them: the chain's interest, proceeds and quote hash replace this service's own figures. */
@ApplicationScoped
public class QuoteLedger implements ChainEventHandler {

    private final FinancingChain chain;

    QuoteLedger(FinancingChain chain) {
        this.chain = chain;
    }

    @Override
    public String stream() {
        return "sf-quotes";
    }

    @Override
    public String contract() {
        return chain.quotes();
    }

    @Override
    public String event() {
        return "Quoted(bytes32 indexed quoteId, bytes32 indexed financingId, bytes32 indexed bank, " + FinancingChain.QUOTE_TUPLE + " quote)";
    }

    @Override
    public void handle(ChainEvent e) {
        FinancingQuote.byQuoteId(e.bytes("quoteId")).ifPresent(q -> {
            List<?> quote = (List<?>) e.values().get("quote");
            q.interestCents = ((BigInteger) quote.get(9)).longValueExact();
            q.proceedsCents = ((BigInteger) quote.get(11)).longValueExact();
            q.quoteHash = (byte[]) quote.get(12);
            q.paymentDate = java.time.LocalDate.ofEpochDay(((BigInteger) quote.get(6)).longValueExact());
            if (q.status == FinancingQuote.Status.PENDING) {
                q.status = FinancingQuote.Status.OFFERED;
            }
        });
    }
}
