package org.alliancechain.chain.custody;

/** Signs Ethereum transactions with one key held in custody. */
public interface TransactionSigner {

    /** The account address (0x, lower case). */
    String address();

    /**
     * Signs a legacy (EIP-155) transaction and returns the raw signed bytes.
     *
     * @param nonce    the account nonce
     * @param gasPrice gas price in wei (0 on the suite's permissioned chains)
     * @param gasLimit gas limit
     * @param to       the contract address
     * @param data     the call data
     * @param chainId  EIP-155 chain id
     */
    byte[] sign(long nonce, long gasPrice, long gasLimit, String to, byte[] data, long chainId);
}
