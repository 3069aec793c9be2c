package org.alliancechain.copyright;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.Tokens;

/** The steps of the copyright story, one method each, as the rights managers, licensees and monitors take them. */
public final class CopyrightFlow {

    public static final String RIGHTS = "rights.daily";
    public static final String RIGHTS_ORG = "daily-news";
    public static final String OTHER_RIGHTS = "rights.pixel";
    public static final String OTHER_RIGHTS_ORG = "pixel-studio";
    public static final String LICENSEE = "licensee.acme";
    public static final String LICENSEE_ORG = "acme-trading";
    public static final String MONITOR = "monitor.daily";

    /** The PDQ authors' test photographs (../shared/fixtures/pdq). */
    public static final Path PDQ_FIXTURES = Path.of("../../../shared/fixtures/pdq");

    private CopyrightFlow() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    public static RequestSpecification json(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** A text work's request body. */
    public static Map<String, Object> textWork(String title, String text) {
        return Map.of("title", title, "authors", List.of("张三 Zhang San"), "format", "plain", "text", text,
                "publishedAt", "2026-11-30T08:00:00Z", "url", "https://daily-news.example/" + Math.abs(title.hashCode()));
    }

    /** Registers a text work as the user; returns its id (202, PENDING). */
    public static long registerText(String user, String title, String text) {
        return json(user).body(textWork(title, text)).post("/api/works").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    public static JsonPath work(String user, long id) {
        return as(user).get("/api/works/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until WorkRegistry's decision is projected; returns the work. */
    public static JsonPath awaitWork(String user, long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> status.equals(work(user, id).getString("status")));
        return work(user, id);
    }

    /** Waits until WorkRegistry decided (registered or refused); returns the work. */
    public static JsonPath awaitDecided(String user, long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> !"PENDING".equals(work(user, id).getString("status")));
        return work(user, id);
    }

    public static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(PDQ_FIXTURES.resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text drawn as a phone screenshot shows it: black on white, 22-pixel glyphs (a CJK font), lines wrapped at 720 pixels. */
    public static java.awt.image.BufferedImage screenshot(String text) {
        int width = 720;
        var font = new java.awt.Font("WenQuanYi Zen Hei", java.awt.Font.PLAIN, 22);
        var lines = new java.util.ArrayList<String>();
        var probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        var metrics = probe.getFontMetrics(font);
        var line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i));
            if (metrics.stringWidth(line.toString()) > width - 60) {
                int space = line.lastIndexOf(" "); // Latin text wraps between words, Chinese anywhere
                int cut = space > line.length() / 2 ? space + 1 : line.length();
                lines.add(line.substring(0, cut).strip());
                line.delete(0, cut);
            }
        }
        lines.add(line.toString());
        probe.dispose();
        var image = new java.awt.image.BufferedImage(width, 60 + lines.size() * 34, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new java.awt.Color(30, 30, 30));
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 30, 40 + i * 34);
        }
        g.dispose();
        return image;
    }

    /** The image as a PNG file (RGB, alpha dropped). */
    public static byte[] png(java.awt.image.BufferedImage image) {
        var copy = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(copy, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A file of this module's test resources (e.g. {@code webp/bridge-lossy-q75.webp}). */
    public static byte[] resource(String name) {
        try (var in = CopyrightFlow.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Common characters of news Chinese: what {@link #article} draws each article's own sentences from. */
    private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
            + "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形"
            + "相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
            + "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据"
            + "处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例"
            + "真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书"
            + "布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯"
            + "院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

    /**
     * A news article long enough to fingerprint, different for each {@code n}: a common frame (as real news shares
     * phrases) around sentences of its own, so that tests registering many articles do not make every passage boilerplate.
     */
    public static String article(int n) {
        return "新华社北京" + n + "日电 国家版权局等四部门今日联合启动打击网络侵权盗版专项行动。" + own(n, 120) + "。行动期间将加强对网站平台的版权监管，"
                + "对未经许可转载新闻作品的行为依法查处。第" + n + "号通报指出，" + own(n + 7_919, 100) + "。专家表示，区块链存证与相似度检测相结合，"
                + "可以为权利人维权提供可靠证据。" + own(n + 104_729, 60) + "。编号" + n + "。";
    }

    private static String own(int seed, int length) {
        var random = new java.util.Random(seed * 2_654_435_761L);
        var text = new StringBuilder(length + length / 12);
        for (int i = 0; i < length; i++) {
            text.append(COMMON.charAt(random.nextInt(COMMON.length())));
            if (i % 13 == 12) {
                text.append('，');
            }
        }
        return text.toString();
    }
}
