package org.alliancechain.chain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.DemoConsortium;
import org.junit.jupiter.api.Test;

/**
 * {@link ConsortiumRole} is the one definition of the roles; the Solidity library the contracts check
 * roles with and the local stack's bootstrap must agree with it, or the build fails.
 */
class ConsortiumRoleTest {

    private static final Path CONTRACTS = Path.of("..", "contracts", "src");
    private static final Pattern CONSTANT = Pattern.compile("bytes32\\s+internal\\s+constant\\s+(\\w+)\\s*=\\s*keccak256\\(\"([^\"]*)\"\\)\\s*;");
    private static final Pattern USE = Pattern.compile("ConsortiumRoles\\.([A-Z][A-Z0-9_]*)\\b");

    @Test
    void theSolidityRoleLibraryDefinesExactlyTheseRolesEachAsKeccakOfItsName() throws IOException {
        String source = Files.readString(CONTRACTS.resolve("ConsortiumRoles.sol"));
        Map<String, String> constants = new LinkedHashMap<>();
        var matcher = CONSTANT.matcher(source);
        while (matcher.find()) {
            constants.put(matcher.group(1), matcher.group(2));
        }
        assertThat(constants.keySet()).as("the roles of ConsortiumRoles.sol")
                .containsExactlyInAnyOrder(Arrays.stream(ConsortiumRole.values()).map(Enum::name).toArray(String[]::new));
        constants.forEach((constant, hashed) -> assertThat(hashed).as(constant + " is keccak256 of its own name").isEqualTo(constant));
        assertThat(source.split("constant").length - 1).as("no role defined another way").isEqualTo(constants.size());
    }

    @Test
    void everyContractChecksOnlyRolesOfTheLibrary() throws IOException {
        var used = new TreeSet<String>();
        try (Stream<Path> files = Files.list(CONTRACTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sol")).toList()) {
                var matcher = USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty().allSatisfy(role -> assertThat(ConsortiumRole.valueOf(role)).isNotNull());
    }

    @Test
    void theIdsAreKeccakOfTheNamesAsTheBootstrapComputesThem() {
        for (var role : ConsortiumRole.values()) {
            assertThat(role.id()).isEqualTo(ConsortiumBootstrap.role(role.name()));
            assertThat(ConsortiumRole.byId(role.id())).contains(role);
        }
        assertThat(ConsortiumRole.byId(new byte[32])).isEmpty();
    }

    @Test
    void theLocalStackGrantsOnlyTheseRoles() {
        for (String alias : DemoConsortium.ORGANISATIONS) {
            assertThat(DemoConsortium.roleNamesOf(alias)).as(alias)
                    .allSatisfy(name -> assertThat(ConsortiumRole.valueOf(name)).isNotNull());
            assertThat(DemoConsortium.rolesOf(alias)).as(alias)
                    .allSatisfy(id -> assertThat(ConsortiumRole.byId(id)).isPresent());
        }
    }
}
