package org.alliancechain.evidence.bench;

import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("benchmark")
class RenderProfileScratch {
    @Test
    void profile() {
        var c = EvidenceFixture.anchored(List.of(EvidenceFixture.record("证据 evidence", EvidenceFixture.someFile())), HashAlgorithm.SHA256).getFirst();
        for (int i = 0; i < 200; i++) EvidenceFixture.RENDERER.render(c);
        long t = System.nanoTime();
        for (int i = 0; i < 300; i++) EvidenceFixture.RENDERER.render(c);
        System.out.println("[scratch] render ms " + (System.nanoTime() - t) / 1e6 / 300);
        byte[] pdf = EvidenceFixture.sign(c, org.alliancechain.evidence.pdf.PadesSigner.Level.B_T);
        var v = EvidenceFixture.verifier();
        for (int i = 0; i < 200; i++) v.verify(pdf, null);
        t = System.nanoTime();
        for (int i = 0; i < 300; i++) v.verify(pdf, null);
        System.out.println("[scratch] verify ms " + (System.nanoTime() - t) / 1e6 / 300);
    }
}
