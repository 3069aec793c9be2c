package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives of PDQ (whole image with dihedral variants and complement, plus region hashes)
 * on images written by others, under generated transformations, through {@link ImageSearch} as the service searches:
 * whole-image hashes first, regions (verified with {@link PdqRegions#cropMatch}) only when the whole image finds nothing.
 * Columns: found as a whole image, found by regions (the whole image having found nothing), either, false positives, and
 * "geometry": how often {@link PdqRegions#cropMatch} accepts the query against its own original (the index left out).
 *
 * <p>Images: the JPEG/PNG wallpapers of Debian's packages {@code lomiri-wallpapers-16.04},
 * {@code lomiri-wallpapers-20.04}, {@code mate-backgrounds} and {@code ukui-wallpapers} (photographs and some
 * artwork by their named authors, CC-BY-SA / CC-BY / GPL, see each package's {@code /usr/share/doc/<pkg>/copyright}).
 * {@code apt-get install} them (they land in /usr/share/backgrounds) or {@code apt-get download} and
 * {@code dpkg -x} them somewhere and pass {@code -Dpdq.recall.dir=<folder>}. Skipped when fewer than 20 images
 * are there. A larger set adds {@code plasma-workspace-wallpapers} (KDE's 30 wallpapers, mostly artwork; each ships
 * at several sizes and shapes, which are crops of one another — copy one file per wallpaper, the largest landscape one
 * under {@code contents/images}, or they count as one another's false
 * positives). The largest set so far (112 files, 89 registered) adds one file per design again: GNOME's
 * {@code gnome-backgrounds} (WebP; the light variant of each day/night pair), {@code sway-backgrounds} (the
 * 2048 × 1536 landscape file), the {@code background.png} of each {@code debian-edu-artwork-*} theme (the grub
 * 16 × 9 image for emerald, which ships none) and the four {@code xfdesktop4-data} backgrounds. Maven Central and npm were searched for a corpus the build could install itself: the largest
 * clean sets found there ({@code com.imagingbook:imagingbook-sample-images}, ≈ 20 photographs; the test jars of
 * commons-imaging and TwelveMonkeys imageio-jpeg, a dozen photographs each besides decoder edge cases and the
 * same picture in eight orientations) do not reach 50 distinct photographs.
 *
 * <p>Images whose whole-image hash matches an earlier one (the same picture shipped at several resolutions)
 * are registered once, so that they count neither as recall nor as false positives.
 */
@Tag("benchmark")
class PdqRecallBenchmark {

    @Test
    void recallAndFalsePositivesUnderTransformations() throws IOException {
        Path dir = Path.of(System.getProperty("pdq.recall.dir", "/usr/share/backgrounds"));
        List<Path> files;
        try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            files = s.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|webp)$")).sorted().toList();
        }
        assumeThat(files.size()).as("images in " + dir).isGreaterThanOrEqualTo(20);
        List<BufferedImage> images = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img != null) {
                images.add(rgb(scaled(img, 1024)));
                names.add(f.getFileName().toString());
            }
        }
        ImageSearch index = new ImageSearch(Integer.getInteger("pdq.bench.region-slots", RegionIndex.SLOTS));
        List<Integer> registered = new ArrayList<>();
        java.util.Map<Integer, List<PdqRegions.Region>> regionsOf = new java.util.HashMap<>();
        long regionCount = 0;
        int withoutRegions = 0;
        for (int i = 0; i < images.size(); i++) {
            try {
                ImageFingerprint fp = ImageFingerprint.of(LumaImage.of(images.get(i)));
                List<ImageSearch.Hit> same = index.searchHash(fp.pdq(), 1);
                if (!same.isEmpty()) {
                    System.out.printf("not registered: %s (the same picture as %s)%n", names.get(i), names.get((int) same.get(0).id()));
                    continue;
                }
                index.add(i, fp);
                regionsOf.put(i, fp.regions());
                regionCount += fp.regions().size();
                withoutRegions += fp.regions().isEmpty() ? 1 : 0;
                registered.add(i);
            } catch (ImageFingerprintException e) {
                System.out.printf("not registered: %s (%s)%n", names.get(i), e.getMessage());
            }
        }
        Map<String, UnaryOperator<BufferedImage>> transforms = new LinkedHashMap<>();
        transforms.put("resize 50%", img -> scaled(img, Math.max(img.getWidth(), img.getHeight()) / 2));
        transforms.put("JPEG q=75", img -> jpeg(img, 0.75f)); // what social platforms re-encode uploads at, about
        transforms.put("JPEG q=50", img -> jpeg(img, 0.5f));
        transforms.put("JPEG q=30", img -> jpeg(img, 0.3f));
        transforms.put("brighten +30%", PdqRecallBenchmark::brighten);
        transforms.put("watermark", PdqRecallBenchmark::watermark);
        transforms.put("rotate 90", PdqRecallBenchmark::rotate90);
        transforms.put("rotate 180", img -> rotate90(rotate90(img)));
        transforms.put("rotate 270", img -> rotate90(rotate90(rotate90(img))));
        transforms.put("flip", PdqRecallBenchmark::flip);
        transforms.put("invert", PdqRecallBenchmark::invert);
        transforms.put("crop 5% left", img -> crop(img, 5, 0, 0, 0));
        transforms.put("crop 10% top+left", img -> crop(img, 10, 10, 0, 0));
        transforms.put("crop 20% right", img -> crop(img, 0, 0, 20, 0));
        transforms.put("crop 15% bottom", img -> crop(img, 0, 0, 0, 15));
        transforms.put("crop 5% all sides", img -> crop(img, 5, 5, 5, 5));
        transforms.put("crop 10% all sides", img -> crop(img, 10, 10, 10, 10));
        // uneven crops, off round percentages (a look-up tuned to 5 % steps shows here)
        transforms.put("crop 7% left", img -> crop(img, 7, 0, 0, 0));
        transforms.put("crop 12% top, 6% left", img -> crop(img, 6, 12, 0, 0));
        transforms.put("crop 17% right", img -> crop(img, 0, 0, 17, 0));
        transforms.put("crop 3/8/4/13% sides", img -> crop(img, 3, 8, 4, 13));
        System.out.printf("%d images registered from %s: %.1f regions per image (%d with no region); index ≈ %.0f MB here%n",
                registered.size(), dir, regionCount / (double) registered.size(), withoutRegions, index.estimatedBytes() / 1e6);
        System.out.printf("%-22s %8s %8s %8s %10s %8s%n", "transformation", "whole", "regions", "recall", "false pos.",
                "geometry");
        for (var t : transforms.entrySet()) {
            int wholeFound = 0;
            int regionFound = 0;
            int found = 0;
            int oracle = 0;
            long falsePositives = 0;
            List<String> missed = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (int i : registered) {
                BufferedImage query = t.getValue().apply(images.get(i));
                LumaImage luma = LumaImage.of(query);
                List<ImageSearch.Hit> hits;
                List<PdqRegions.Region> queryRegions;
                try {
                    // as the service looks up a file: the whole image, then (only if that found nothing) its regions
                    var q = ImageQuery.of(luma);
                    hits = index.search(q, 20);
                    queryRegions = q.regions();
                } catch (ImageFingerprintException e) {
                    // too flat as a whole (the API refuses such a query): its regions alone
                    var fp = new ImageFingerprint(null, PdqRegions.of(luma), luma.width, luma.height, null);
                    hits = index.search(fp, 20);
                    queryRegions = fp.regions();
                }
                Set<Integer> matches = new HashSet<>();
                hits.forEach(h -> matches.add((int) h.id()));
                boolean crop = hits.stream().anyMatch(h -> "CROP".equals(h.orientation()));
                wholeFound += !crop && matches.contains(i) ? 1 : 0;
                regionFound += crop && matches.contains(i) ? 1 : 0;
                found += matches.contains(i) ? 1 : 0;
                // what the geometry check says of the query and its own original, whatever the index finds
                oracle += PdqRegions.cropMatch(queryRegions, regionsOf.get(i)) ? 1 : 0;
                if (!matches.contains(i)) {
                    missed.add(names.get(i));
                }
                falsePositives += matches.stream().filter(m -> m != i).count();
                matches.stream().filter(m -> m != i).forEach(m -> wrong.add(names.get(i) + " → " + names.get(m)));
            }
            int n = registered.size();
            System.out.printf("%-22s %8.3f %8.3f %8.3f %9.3f%% %8.3f%n", t.getKey(), wholeFound / (double) n,
                    regionFound / (double) n, found / (double) n, 100.0 * falsePositives / ((double) n * (n - 1)), oracle / (double) n);
            if (!missed.isEmpty() && missed.size() <= 12) {
                System.out.printf("%22s missed: %s%n", "", missed);
            }
            if (!wrong.isEmpty()) {
                System.out.printf("%22s found wrongly: %s%n", "", wrong);
            }
        }
    }

    /**
     * False crop matches where they are likeliest: flat shapes and soft discs on gradients (generic corners and
     * circles, the kind of region two unrelated images share), generated from seeds. {@code pdq.false.images}
     * (default 1,500) such images are registered; crops (10 % off every side) of 300 others are looked up by their
     * regions. Prints how many queries matched anything, and the time per look-up.
     */
    @Test
    void falseCropMatchesAmongFlatShapesAndSoftArtwork() {
        int n = Integer.getInteger("pdq.false.images", 1500);
        ImageSearch index = new ImageSearch(RegionIndex.SLOTS);
        long regions = 0;
        long started = System.nanoTime();
        int flat = 0;
        for (int i = 0; i < n; i++) {
            try {
                var fp = ImageFingerprint.of(LumaImage.of(generated(1000 + i)));
                index.add(i, fp);
                regions += fp.regions().size();
            } catch (ImageFingerprintException e) {
                flat++; // too flat to register as a whole
            }
        }
        System.out.printf("%,d generated images registered in %.1f s (%d too flat), %.1f regions each%n", n - flat,
                (System.nanoTime() - started) / 1e9, flat, regions / (double) (n - flat));
        int queries = 300;
        int matched = 0;
        long hits = 0;
        started = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            BufferedImage crop = generated(900_000 + i).getSubimage(102, 64, 820, 512);
            var found = index.search(new ImageFingerprint(null, PdqRegions.of(crop), 820, 512, null), 20);
            matched += found.isEmpty() ? 0 : 1;
            hits += found.size();
            if (!found.isEmpty()) {
                System.out.printf("  query %d (%s) matched %s%n", i, i % 2 == 0 ? "soft artwork" : "flat shapes", found);
            }
        }
        System.out.printf("%d crops of unregistered images against %,d: %d matched something (%d wrong hits, %.4f %% of pairs); "
                + "%.1f ms per look-up%n", queries, n - flat, matched, hits, 100.0 * hits / ((double) queries * (n - flat)),
                (System.nanoTime() - started) / 1e6 / queries);
    }

    private static BufferedImage generated(long seed) {
        return seed % 2 == 0 ? PdqRegionsTest.softArtwork(seed, 1024, 640) : PdqRegionsTest.unrelated(seed, 1024, 640);
    }

    private static BufferedImage rgb(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scaled(BufferedImage img, int maxSide) {
        double f = Math.min(1.0, maxSide / (double) Math.max(img.getWidth(), img.getHeight()));
        if (f >= 1.0) {
            return img;
        }
        int w = (int) Math.round(img.getWidth() * f);
        int h = (int) Math.round(img.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), p);
            }
            writer.dispose();
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage map(BufferedImage img, java.util.function.IntUnaryOperator channel) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                out.setRGB(x, y, channel.applyAsInt(p >> 16 & 0xFF) << 16 | channel.applyAsInt(p >> 8 & 0xFF) << 8
                        | channel.applyAsInt(p & 0xFF));
            }
        }
        return out;
    }

    private static BufferedImage brighten(BufferedImage img) {
        return map(img, c -> Math.min(255, Math.round(c * 1.3f)));
    }

    private static BufferedImage invert(BufferedImage img) {
        return map(img, c -> 255 - c);
    }

    private static BufferedImage watermark(BufferedImage img) {
        BufferedImage out = rgb(img);
        Graphics2D g = out.createGraphics();
        int w = out.getWidth();
        int h = out.getHeight();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
        g.setColor(Color.WHITE);
        g.fillRect(w * 6 / 10, h * 85 / 100, w * 38 / 100, h / 10);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 16)));
        g.drawString("© news.example", w * 62 / 100, h * 93 / 100);
        g.dispose();
        return out;
    }

    private static BufferedImage rotate90(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(h - 1 - y, x, img.getRGB(x, y));
            }
        }
        return out;
    }

    private static BufferedImage flip(BufferedImage img) {
        int w = img.getWidth();
        BufferedImage out = new BufferedImage(w, img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, img.getRGB(x, y));
            }
        }
        return out;
    }

    private static BufferedImage crop(BufferedImage img, int left, int top, int right, int bottom) {
        int w = img.getWidth();
        int h = img.getHeight();
        int x = w * left / 100;
        int y = h * top / 100;
        return rgb(img.getSubimage(x, y, w - x - w * right / 100, h - y - h * bottom / 100));
    }
}
