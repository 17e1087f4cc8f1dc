package iamnb.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iamnb.source.SyntheticOrganization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Guards the trust graph against changes made for speed: the edges of a 30-account synthetic organization (every
 * field of every edge, and the admin roles) must stay those the straightforward builder found. The digests were
 * computed with the builder before its performance work (commit bab0b88); a change that alters one edge, one
 * condition or one required context fails here.
 */
class TrustGraphDigestTest {
    /** SHA-256 of {@link #canonical(TrustGraph)} for {@code SyntheticOrganization.of(30, 50, 200, 42)}. */
    private static final String EDGES_OF_30_ACCOUNTS = "c3ee7e0bc8c7483215bc37fb9bc0f2907b8bd04d071fbd27c0559b01bcc3b8ca";
    private static final int EDGE_COUNT_OF_30_ACCOUNTS = 8347;

    @Test
    void trustGraph_ofA30AccountSyntheticOrganization_hasExactlyTheRecordedEdges() {
        TrustGraph graph = new OrgAccess(SyntheticOrganization.of(30, 50, 200, 42).source()).trustGraph();
        List<String> lines = canonical(graph);
        System.out.println("trust graph of 30 synthetic accounts: " + graph.edges().size() + " edges, digest "
                + sha256(String.join("\n", lines)));
        assertEquals(EDGE_COUNT_OF_30_ACCOUNTS, graph.edges().size());
        assertEquals(EDGES_OF_30_ACCOUNTS, sha256(String.join("\n", lines)));
    }

    /** One line per edge with every field (the required context in key order), then one per admin role; sorted. */
    static List<String> canonical(TrustGraph graph) {
        List<String> edges = graph.edges().stream().map(e -> String.join("\t", e.fromKind().name(), e.fromAccount(),
                e.fromPrincipal(), e.toAccount(), e.toRole(), e.via(), e.statement(), e.conditions().toString(),
                e.externalIds().toString(), Boolean.toString(e.mfa()), Boolean.toString(e.sourceIdentity()),
                Boolean.toString(e.wholeAccount()), new TreeMap<>(e.requiredContext()).toString())).sorted().toList();
        List<String> admins = graph.adminRoles().stream().map(r -> "admin\t" + r).sorted().toList();
        return java.util.stream.Stream.concat(edges.stream(), admins.stream()).toList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
