package org.alliancechain.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.alliancechain.localstack.DemoData;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.StackSettings;
import org.alliancechain.localstack.SuiteApp;

/**
 * The copyright demo, through the service's API as the demo users: daily-news registers five news
 * articles (three Chinese, two English — short texts written for this demo, marked as such) and
 * pixel-studio three photographs (drawn here: a harbour at dusk, a mountain lake, a city at night),
 * all registered on chain with their fingerprints; daily-news licenses one article to acme-trading
 * (excerpts online, in China, for a year) and grants another to nova-manufacturing that it then
 * revokes. The log ends with a rewritten excerpt to paste into the monitoring desk and a mirrored,
 * scaled-down copy of one photograph (.run-state/demo), which the search finds. Skipped when daily-news already holds
 * works; the suggested copies are printed every time.
 */
public final class CopyrightDemo implements DemoData {

    static final String RIGHTS = "rights.daily";
    static final String PHOTOS = "rights.pixel";

    /** The demo's articles: title, text. Written for this demo; every one says so in its last line. */
    static final List<String[]> ARTICLES = List.of(
            new String[] {"【演示】滨江新区首条无人驾驶公交线路试运营", """
                    本报讯（记者 林晓雨）滨江新区首条无人驾驶公交线路昨日开始试运营。线路全长十二点六公里，沿途设十四个站点，连接高铁东站、科技园和滨江公园，首批投入六辆十二米长的纯电动公交车，早七点至晚九点运行，高峰时段每十分钟一班。
                    试运营期间，每辆车配一名安全员，乘客可通过乘车码或交通卡刷卡上车，票价与普通公交相同。运营方介绍，车辆装有激光雷达、毫米波雷达和十二个摄像头，能识别行人、非机动车和临时路障，在路口与信号灯系统实时联动。
                    不少市民专程前来体验。家住东湖社区的王女士说，车开得很平稳，转弯和进站都比想象中顺畅。交通部门表示，试运营为期三个月，期间将收集乘客意见并评估安全数据，再决定是否扩大到更多线路。
                    （本文为联盟链应用套件的演示内容，人物与事件均为虚构。）"""},
            new String[] {"【演示】老街改造保留百年骑楼 小店重新开门迎客", """
                    本报讯（记者 陈默）历时一年半的西关老街改造工程日前完工。改造没有推倒重建，而是逐栋加固了沿街四十二栋百年骑楼，修复了木质窗棂和灰塑装饰，地下管网和电线全部入地，街面重新铺上了麻石。
                    改造前，老街商铺多数外迁，街上冷冷清清。如今，凉茶铺、裁缝店、老字号糕点铺陆续回迁，又新开了几家书店和手作工坊。经营了三十年凉茶铺的李伯说，店还是原来的店，只是墙不再漏水，客人也多了起来。
                    街道办负责人表示，改造坚持“修旧如旧”，居民全程参与方案讨论，下一步将开放两处骑楼内院作为社区活动空间，并限制连锁品牌进驻，以保留老街原有的生活气息。
                    （本文为联盟链应用套件的演示内容，人物与事件均为虚构。）"""},
            new String[] {"【演示】秋粮收购启动 今年首批新稻谷入库", """
                    本报讯（记者 赵丰年）随着第一车新收稻谷驶入城南粮库，今年秋粮收购工作全面启动。粮库负责人介绍，今年入库稻谷水分和杂质指标普遍好于往年，收购价格按质论价，优质稻每斤比去年高出三分钱。
                    为减少农民排队时间，粮库今年推行网上预约售粮，农户在手机上选择时段后按时送粮，检验、称重、结算全程不超过四十分钟，货款当天到账。种粮大户刘师傅家承包了三百亩水田，他说今年雨水适宜，亩产比去年多了近百斤。
                    农业部门提醒，近期天气转凉，农户要抓住晴好天气抢收晾晒，避免稻谷霉变。收购工作将持续到明年一月底。
                    （本文为联盟链应用套件的演示内容，人物与事件均为虚构。）"""},
            new String[] {"[Demo] Harbour city opens its first floating solar farm", """
                    By Daily News staff. A floating solar farm covering forty hectares of the old reservoir north of the harbour began feeding the city grid on Monday. Its 62,000 panels are expected to produce enough electricity for about eighteen thousand homes, and the water beneath them keeps the panels cool, which the operator says raises their output by around eight per cent compared with panels on land.
                    The project took two years to build. Engineers anchored the floating platforms to the reservoir bed with cables that allow for seasonal changes in the water level of up to six metres. Ecologists monitoring the site say shading part of the surface has reduced algae growth, although they will keep measuring oxygen levels and fish populations for another three years before drawing conclusions.
                    Residents living near the reservoir were consulted on the design, and a walking path with viewing points has been opened along the eastern shore.
                    (Demo content of the Alliance Chain Suite: the people and events are fictional.)"""},
            new String[] {"[Demo] City library lends out tools, tents and telescopes", """
                    By Daily News staff. The central library has added a new kind of collection to its shelves: things. Since last month, members can borrow power drills, sewing machines, camping tents, board games and even two small telescopes for up to two weeks, using the same card they use for books.
                    The idea came from a survey in which many residents said they had bought tools they used only once. The library started with three hundred items, most of them donated, and every item is checked and cleaned when it comes back. Librarians say the telescopes have a waiting list of more than a month, and that the sewing machines are often borrowed by students preparing for school performances.
                    The library plans to add gardening equipment in spring and to run short workshops on how to use the tools safely.
                    (Demo content of the Alliance Chain Suite: the people and events are fictional.)"""});

    /** The demo's photographs: title, author, scene (drawn by {@link #photo}). */
    static final List<String[]> PHOTOS_DRAWN = List.of(
            new String[] {"【演示】港湾黄昏 Harbour at dusk", "周明 Zhou Ming", "harbour"},
            new String[] {"【演示】高山湖泊 Mountain lake", "周明 Zhou Ming", "lake"},
            new String[] {"【演示】城市夜景 City at night", "孙悦 Sun Yue", "city"});

    @Override
    public String name() {
        return "copyright";
    }

    @Override
    public void populate(LocalStack stack, Map<SuiteApp, String> services) throws Exception {
        String base = services.get(SuiteApp.byId("copyright"));
        if (base == null) {
            return;
        }
        var client = new DemoClient(stack, base);
        if (client.get(RIGHTS, "/api/works").size() > 0) {
            System.out.println("  already there");
        } else {
            seed(client);
        }
        suggestCopies(base);
    }

    private static void seed(DemoClient client) throws Exception {
        var works = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < ARTICLES.size(); i++) {
            var a = ARTICLES.get(i);
            boolean zh = i < 3;
            works.add(Map.of("title", a[0], "authors", List.of(zh ? List.of("林晓雨", "陈默", "赵丰年").get(i) : "Daily News staff"),
                    "format", "plain", "text", a[1].strip(), "publishedAt", Instant.parse("2026-11-2" + (i + 1) + "T08:00:00Z").toString(),
                    "url", "https://daily-news.example/news/2026/demo-" + (i + 1)));
        }
        var texts = client.post(RIGHTS, "/api/works/bulk", Map.of("works", works), 202);
        List<Long> photoIds = new ArrayList<>();
        for (var p : PHOTOS_DRAWN) {
            photoIds.add(client.postFile(PHOTOS, "/api/works/files", Map.of("title", p[0], "authors", p[1],
                    "url", "https://pixel-studio.example/photos/demo-" + p[2]), "demo-" + p[2] + ".png", png(photo(p[2])), "image/png", 202)
                    .path("id").asLong());
        }
        List<Long> textIds = new ArrayList<>();
        texts.forEach(w -> textIds.add(w.path("id").asLong()));
        DemoClient.await("the works registered on chain", () -> registered(client, RIGHTS, textIds) && registered(client, PHOTOS, photoIds));

        // Licences: the first article to acme-trading (excerpts online, China, a year); the second to nova, then revoked.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long acme = client.post(RIGHTS, "/api/licences", licence(textIds.get(0), "acme-trading", List.of("EXCERPT"), List.of("ONLINE"), now,
                now.plus(Duration.ofDays(365)), "摘编授权：可在网络渠道摘编不超过 30% 的内容，须注明出处《每日新闻》。"
                        + "Excerpts online, at most 30 %, attributed to Daily News. (Demo licence.)"), 202).path("id").asLong();
        long nova = client.post(RIGHTS, "/api/licences", licence(textIds.get(1), "nova-manufacturing", List.of("FULL_REPRINT"),
                List.of("ONLINE", "PRINT"), now, now.plus(Duration.ofDays(90)), "全文转载授权，用于企业内刊。Full reprint in the company "
                        + "magazine. (Demo licence.)"), 202).path("id").asLong();
        DemoClient.await("the licences granted on chain", () -> licence(client, acme).equals("GRANTED") && licence(client, nova).equals("GRANTED"));
        client.post(RIGHTS, "/api/licences/" + nova + "/revoke", Map.of(), 202);
        DemoClient.await("the revocation on chain", () -> licence(client, nova).equals("REVOKED"));
        System.out.println("  " + textIds.size() + " articles (daily-news) and " + photoIds.size() + " photographs (pixel-studio) registered on chain; "
                + "licence L-" + acme + " to acme-trading (excerpts online, CN, a year), L-" + nova + " to nova-manufacturing revoked");
    }

    /** A rewritten excerpt of the second article (no licence covers it now) and an edited copy of the first photograph. */
    private static void suggestCopies(String base) throws Exception {
        String text = ARTICLES.get(1)[1].strip();
        String excerpt = text.substring(text.indexOf("改造前"), text.indexOf("（本文"))
                .replace("冷冷清清", "十分冷清").replace("街道办负责人表示", "街道办有关负责人称").strip();
        Path dir = StackSettings.suiteRoot().resolve(".run-state/demo");
        Files.createDirectories(dir);
        Path image = dir.resolve("copyright-suspected-copy.jpg");
        var original = photo("harbour");
        var edited = mirroredAndScaled(original, 0.8);
        ImageIO.write(edited, "jpg", image.toFile());
        System.out.println("  Try the monitoring desk (monitor.daily / demo, " + base + "), or POST /api/matches: paste this rewritten excerpt\n"
                + "    " + excerpt.replace("\n", "\n    ") + "\n"
                + "  and upload " + image + " (the harbour photograph, mirrored and scaled down).");
    }

    private static Map<String, Object> licence(long workId, String licensee, List<String> uses, List<String> channels, Instant from, Instant until,
                                               String terms) {
        var body = new HashMap<String, Object>();
        body.put("workId", workId);
        body.put("licensee", licensee);
        body.put("uses", uses);
        body.put("channels", channels);
        body.put("territory", "CN");
        body.put("validFrom", from.toString());
        body.put("validUntil", until.toString());
        body.put("terms", terms);
        return body;
    }

    private static boolean registered(DemoClient client, String user, List<Long> ids) throws Exception {
        for (long id : ids) {
            String status = client.get(user, "/api/works/" + id).path("status").asText();
            if ("REFUSED".equals(status)) {
                throw new IllegalStateException("work " + id + " was refused: its content was registered before by another member");
            }
            if (!"REGISTERED".equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static String licence(DemoClient client, long id) throws Exception {
        JsonNode l = client.get(RIGHTS, "/api/licences/" + id);
        return l.path("status").asText();
    }

    /** A 640 × 427 picture of a scene, the same at every run (fixed seeds): sky, land or water, and detail to fingerprint. */
    static BufferedImage photo(String scene) {
        int w = 640;
        int h = 427;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        var rnd = new Random(scene.hashCode());
        switch (scene) {
            case "harbour" -> {
                g.setPaint(new GradientPaint(0, 0, new Color(38, 52, 110), 0, h * 0.6f, new Color(250, 150, 80)));
                g.fillRect(0, 0, w, h);
                g.setColor(new Color(255, 210, 120));
                g.fill(new Ellipse2D.Double(420, 170, 90, 90));
                g.setPaint(new GradientPaint(0, h * 0.6f, new Color(60, 60, 100), 0, h, new Color(15, 20, 45)));
                g.fillRect(0, (int) (h * 0.6), w, h);
                for (int i = 0; i < 7; i++) { // moored boats and their masts
                    int x = 40 + i * 85 + rnd.nextInt(20);
                    int y = (int) (h * 0.6) + 10 + rnd.nextInt(40);
                    g.setColor(new Color(20 + rnd.nextInt(40), 20, 30));
                    var hull = new Path2D.Double();
                    hull.moveTo(x, y);
                    hull.lineTo(x + 60, y);
                    hull.lineTo(x + 50, y + 14);
                    hull.lineTo(x + 8, y + 14);
                    hull.closePath();
                    g.fill(hull);
                    g.setStroke(new BasicStroke(2));
                    g.drawLine(x + 30, y, x + 30, y - 70 - rnd.nextInt(50));
                }
                g.setColor(new Color(30, 30, 45));
                g.fillRect(0, (int) (h * 0.45), 160, (int) (h * 0.15)); // warehouses on the pier
                g.fillRect(170, (int) (h * 0.5), 90, (int) (h * 0.1));
            }
            case "lake" -> {
                g.setPaint(new GradientPaint(0, 0, new Color(90, 160, 230), 0, h * 0.5f, new Color(220, 235, 250)));
                g.fillRect(0, 0, w, h);
                int[][] peaks = {{-40, 250, 140, 60}, {120, 260, 330, 30}, {300, 250, 520, 80}, {470, 260, 700, 50}};
                for (int[] p : peaks) {
                    var m = new Path2D.Double();
                    m.moveTo(p[0], p[1]);
                    m.lineTo((p[0] + p[2]) / 2.0, p[3]);
                    m.lineTo(p[2], p[1]);
                    m.closePath();
                    g.setColor(new Color(70 + rnd.nextInt(40), 90 + rnd.nextInt(30), 110));
                    g.fill(m);
                    g.setColor(Color.WHITE);
                    var snow = new Path2D.Double();
                    double cx = (p[0] + p[2]) / 2.0;
                    snow.moveTo(cx - 30, p[3] + 40);
                    snow.lineTo(cx, p[3]);
                    snow.lineTo(cx + 30, p[3] + 40);
                    snow.closePath();
                    g.fill(snow);
                }
                g.setPaint(new GradientPaint(0, 250, new Color(40, 110, 140), 0, h, new Color(10, 50, 70)));
                g.fillRect(0, 250, w, h - 250);
                g.setColor(new Color(20, 70, 30));
                for (int x = 0; x < w; x += 14) { // pines along the shore
                    int t = 20 + rnd.nextInt(40);
                    g.fillPolygon(new int[] {x, x + 7, x + 14}, new int[] {260, 260 - t, 260}, 3);
                }
            }
            default -> {
                g.setPaint(new GradientPaint(0, 0, new Color(5, 5, 25), 0, h, new Color(40, 30, 70)));
                g.fillRect(0, 0, w, h);
                for (int x = 0; x < w; ) { // towers with lit windows
                    int bw = 30 + rnd.nextInt(50);
                    int bh = 80 + rnd.nextInt(260);
                    g.setColor(new Color(20 + rnd.nextInt(20), 20 + rnd.nextInt(20), 35 + rnd.nextInt(25)));
                    g.fillRect(x, h - bh, bw, bh);
                    for (int wy = h - bh + 6; wy < h - 8; wy += 12) {
                        for (int wx = x + 4; wx < x + bw - 6; wx += 9) {
                            if (rnd.nextInt(3) > 0) {
                                g.setColor(new Color(255, 200 + rnd.nextInt(55), 90 + rnd.nextInt(80)));
                                g.fillRect(wx, wy, 4, 6);
                            }
                        }
                    }
                    x += bw + rnd.nextInt(8);
                }
                g.setColor(new Color(240, 240, 210));
                g.fill(new Ellipse2D.Double(80, 40, 46, 46));
            }
        }
        g.dispose();
        // Grain, as a camera sensor adds.
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int n = rnd.nextInt(17) - 8;
                image.setRGB(x, y, (clamp((rgb >> 16 & 0xff) + n) << 16) | (clamp((rgb >> 8 & 0xff) + n) << 8) | clamp((rgb & 0xff) + n));
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static BufferedImage mirroredAndScaled(BufferedImage in, double factor) {
        int w = (int) (in.getWidth() * factor);
        int h = (int) (in.getHeight() * factor);
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, new AffineTransform(-factor, 0, 0, factor, w, 0), null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage image) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
