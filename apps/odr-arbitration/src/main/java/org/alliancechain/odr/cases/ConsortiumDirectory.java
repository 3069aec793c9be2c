package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Who may take part in arbitration, as the consortium's MemberRegistry says — read before a case is
 * filed, so that a filing the chain would refuse is refused at once with a clear answer.
 */
@ApplicationScoped
public class ConsortiumDirectory {

    static final byte[] ODR_COMMISSION = org.web3j.crypto.Hash.sha3("ODR_COMMISSION".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final byte[] ODR_PARTY = org.web3j.crypto.Hash.sha3("ODR_PARTY".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final Web3j web3j;
    private final String registry;

    ConsortiumDirectory(Web3j web3j, @ConfigProperty(name = "chain.contracts.member-registry") String registry) {
        this.web3j = web3j;
        this.registry = registry;
    }

    /** Whether the organisation is an active member. */
    public boolean isActiveMember(String alias) {
        var status = call("memberStatus", List.of(new Bytes32(CaseChain.memberId(alias))), new TypeReference<Uint8>() { });
        return ((BigInteger) status.getValue()).intValue() == 1;
    }

    /** Whether the organisation is an active member that holds the role. */
    public boolean holds(String alias, byte[] role) {
        if (!isActiveMember(alias)) {
            return false;
        }
        var held = call("hasMemberRole", List.of(new Bytes32(CaseChain.memberId(alias)), new Bytes32(role)), new TypeReference<Bool>() { });
        return (Boolean) held.getValue();
    }

    private Type<?> call(String name, List<Type> arguments, TypeReference<?> result) {
        var function = new Function(name, arguments, List.of(result));
        try {
            String value = web3j.ethCall(Transaction.createEthCallTransaction(null, registry, FunctionEncoder.encode(function)),
                    DefaultBlockParameterName.LATEST).send().getValue();
            var decoded = FunctionReturnDecoder.decode(value, function.getOutputParameters());
            if (decoded.isEmpty()) {
                throw new IllegalStateException("MemberRegistry." + name + " returned nothing");
            }
            return decoded.getFirst();
        } catch (java.io.IOException e) {
            throw new org.alliancechain.service.problem.ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE,
                    "the chain node cannot be reached to check the consortium's members; try again shortly");
        }
    }

}
