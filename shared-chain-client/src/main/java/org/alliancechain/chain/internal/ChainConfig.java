package org.alliancechain.chain.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "chain")
public interface ChainConfig {

    /** JSON-RPC URL of the node (anvil locally, a Besu node in production). */
    String rpcUrl();

    /** Chain id used for EIP-155 signatures; read from the node when absent. */
    Optional<Long> chainId();

    Contracts contracts();

    Signer signer();

    KeyCustody keyCustody();

    Relay relay();

    Notarisation notarisation();

    Indexer indexer();

    interface Contracts {
        String memberRegistry();

        String anchorRegistry();

        /** CaseRegistry (online arbitration): the ODR service takes the steps; any app may file (shared-service ArbitrationFilings). */
        java.util.Optional<String> caseRegistry();

        /** InvoiceRegistry (tax e-invoices, pledged by supply-finance); only the e-invoice and supply-finance services use it. */
        java.util.Optional<String> invoiceRegistry();

        /** BusinessCalendar (the operator's payment calendar for receivables); only supply-finance uses it. */
        java.util.Optional<String> businessCalendar();

        /** FinancingQuotes (banks' quotes for receivable financing); only supply-finance uses it. */
        java.util.Optional<String> financingQuotes();

        /** ReceivableRegistry (receivable certificates, ERC-3525); only supply-finance uses it. */
        java.util.Optional<String> receivableRegistry();

        /** WorkRegistry (copyright works by content digest, rights transfers); only copyright uses it. */
        java.util.Optional<String> workRegistry();

        /** LicenceRegistry (licences of registered works, answerable as of any block); only copyright uses it. */
        java.util.Optional<String> licenceRegistry();
    }

    interface Signer {
        /** The service's own key in custody, for writes made for no organisation (organisations sign with their own). */
        @WithDefault("service")
        String keyId();
    }

    interface KeyCustody {
        /** Directory of encrypted keystore files (development custody). */
        String directory();

        /** Passphrase of the keystore files; give it through the environment (CHAIN_KEY_CUSTODY_PASSPHRASE). */
        String passphrase();
    }

    interface Relay {
        /** Whether this instance runs the relay. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between relay rounds when there was nothing to do. */
        @WithDefault("20ms")
        Duration interval();

        /**
         * Pause between receipt rounds when nothing was settled: each round asks the node for its
         * block number, and blocks come every second or so (QBFT), so asking every 20 ms only spent
         * CPU on both sides.
         */
        @WithDefault("100ms")
        Duration settleInterval();

        /** Transactions signed per relay round. */
        @WithDefault("2000")
        int batchSize();

        /**
         * At most this many submitted, unconfirmed transactions per key. Keep it within what the
         * node's pool holds per sender (Besu: txpool settings).
         */
        @WithDefault("12000")
        int maxInFlight();

        @WithDefault("0")
        long gasPrice();

        @WithDefault("1000000")
        long gasLimit();

        /**
         * How mined transactions are found in new blocks: {@code block-receipts} (eth_getBlockReceipts,
         * what Besu and geth serve from stored receipts), {@code trace-block} (trace_block: the
         * top-level call of each transaction and whether it failed — what anvil serves fastest, as
         * its receipts are rebuilt per request at a cost that grows with the square of the block's
         * size), or {@code auto}: trace-block on anvil, block-receipts elsewhere. Either falls back to
         * per-transaction receipts when the node lacks the method.
         */
        @WithDefault("auto")
        ReceiptSource receiptSource();

        /** A submitted transaction without a receipt after this long is broadcast again, unchanged. */
        @WithDefault("5s")
        Duration rebroadcastAfter();

        @WithDefault("10s")
        Duration rpcTimeout();
    }

    interface Notarisation {
        /** Most items under one Merkle root. */
        @WithDefault("8192")
        int maxBatchSize();

        /** A batch is closed when its oldest item is this old, even if not full. */
        @WithDefault("500ms")
        Duration maxAge();

        /**
         * Items queued together (one bulk request) at least this many are a batch of their own, closed as they are queued:
         * one anchoring per such request, and no update of each item into its batch afterwards. Fewer wait for others
         * (up to {@link #maxAge()}) to share an anchoring.
         */
        @WithDefault("256")
        int ownBatchFrom();
    }

    interface Indexer {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("200ms")
        Duration interval();

        /** Blocks behind the head that a log must be before it is applied (0 on QBFT: final at once). */
        @WithDefault("0")
        int confirmations();

        /** Blocks per eth_getLogs request. */
        @WithDefault("2000")
        int blocksPerRequest();

        /** Logs applied per database transaction. */
        @WithDefault("500")
        int logsPerTransaction();
    }

    /** How the relay finds mined transactions; see {@link Relay#receiptSource()}. */
    enum ReceiptSource { AUTO, TRACE_BLOCK, BLOCK_RECEIPTS, PER_TRANSACTION }
}
