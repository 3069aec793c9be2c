package org.alliancechain.copyright.fingerprint.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.alliancechain.copyright.CopyrightFlow;
import org.alliancechain.copyright.monitoring.TextInImages;
import org.alliancechain.testsupport.TestTools;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of texts written by others, read by Tesseract and searched on the text path (copyright.md §3.3): the
 * corpora of {@link TextQualityTest} (Song ci, 论语, 孟子 in Traditional, Europarl), half registered. Queries: an excerpt of
 * 20–50 % of a registered text drawn as a phone screenshot ({@link CopyrightFlow#screenshot}), and screenshots of
 * unrelated corpus texts. Recall = the original in MATCH or REVIEW; false positives = any other registered text there.
 * {@code ocr.languages} (default chi_sim+chi_tra+eng) and {@code ocr.queries} per script (default 40) may be set.
 */
@Tag("benchmark")
class ScreenshotRecallBenchmark {

    @Test
    void screenshots_of_excerpts_are_found_by_their_recognised_text() throws Exception {
        TestTools.assume(TestTools.TESSERACT, "reading screenshots");
        TextQualityTest.loadCorpora();
        var registered = TextQualityTest.registered;
        TextIndex index = new TextIndex(registered.size());
        Map<Long, CanonicalText> texts = new HashMap<>();
        for (int i = 0; i < registered.size(); i++) {
            CanonicalText t = CanonicalText.ofPlain(registered.get(i));
            texts.put((long) i, t);
            index.add(i, TextFingerprinter.of(t));
        }
        var ocr = new TextInImages("tesseract", System.getProperty("ocr.languages", "chi_sim+chi_tra+eng"), Duration.ofSeconds(60), 1);
        int perScript = Integer.getInteger("ocr.queries", 40);
        Random rnd = new Random(33);
        for (String script : List.of("zh-Hans", "zh-Hant", "en")) {
            int queries = 0;
            int found = 0;
            int falsePositives = 0;
            long nanos = 0;
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < registered.size() && queries < perScript; i++) {
                String text = registered.get(i);
                if (!script.equals(scriptOf(text, TextQualityTest.chinese.get(i)))) {
                    continue;
                }
                String excerpt = TextQualityTest.excerpt(text, rnd);
                long t0 = System.nanoTime();
                String read = ocr.read(png(excerpt), "file");
                nanos += System.nanoTime() - t0;
                queries++;
                CanonicalText ct = CanonicalText.ofPlain(read);
                boolean hit = false;
                for (TextIndex.Result r : index.query(ct, TextFingerprinter.of(ct), texts::get, 20)) {
                    if (r.candidate().workId() == i) {
                        hit = true;
                    } else {
                        falsePositives++;
                    }
                }
                found += hit ? 1 : 0;
                if (!hit && missed.size() < 5) {
                    missed.add(i + " (" + excerpt.length() + " chars → " + ct.length() + " read)");
                }
            }
            System.out.printf(Locale.ROOT, "screenshots [%s]: %d of %d found = %.3f; false positives %d; %.0f ms per recognition; missed %s%n",
                    script, found, queries, queries == 0 ? 0.0 : found / (double) queries, falsePositives,
                    queries == 0 ? 0.0 : nanos / 1e6 / queries, missed);
        }
        int unrelatedQueries = Math.min(perScript, TextQualityTest.unrelated.size());
        int unrelatedHits = 0;
        for (int u = 0; u < unrelatedQueries; u++) {
            String text = TextQualityTest.unrelated.get(u * (TextQualityTest.unrelated.size() / unrelatedQueries));
            CanonicalText ct = CanonicalText.ofPlain(ocr.read(png(TextQualityTest.excerpt(text, rnd)), "file"));
            unrelatedHits += index.query(ct, TextFingerprinter.of(ct), texts::get, 20).size();
        }
        System.out.printf(Locale.ROOT, "screenshots of unrelated texts: %d queries, %d hits among %d registered texts%n", unrelatedQueries,
                unrelatedHits, registered.size());
    }

    private static String scriptOf(String text, boolean chinese) {
        if (!chinese) {
            return "en";
        }
        return text.contains("孟子") || text.contains("曰") && text.contains("於") ? "zh-Hant" : "zh-Hans";
    }

    private static byte[] png(String text) {
        return CopyrightFlow.png(CopyrightFlow.screenshot(text));
    }
}
