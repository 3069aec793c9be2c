package org.alliancechain.copyright.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.service.web.PageForms;

/** The inline SVG drawings of the copyright pages, computed here so the templates only place shapes. */
final class Charts {

    private Charts() {
    }

    /** One day's bar of the works chart: texts stacked under images, with the count above. */
    record DayBar(String day, String label, long texts, long images, int x, int textY, int textHeight, int imageY, int imageHeight,
                  int countY, int labelX) {
        public long total() {
            return texts + images;
        }
    }

    /** Works registered per day (China time), the last {@code days} days up to {@code today}. */
    record WorkDays(List<DayBar> bars, int width, int height, int baseline, long max) {
    }

    static final int BAR = 22;
    static final int GAP = 10;
    static final int CHART_HEIGHT = 150;

    /** {@code counts}: per day, {texts, images}. */
    static WorkDays workDays(LocalDate today, int days, Map<LocalDate, long[]> counts) {
        long max = 1;
        for (var c : counts.values()) {
            max = Math.max(max, c[0] + c[1]);
        }
        int baseline = CHART_HEIGHT - 24;
        int plot = baseline - 22;
        var bars = new ArrayList<DayBar>();
        for (int i = 0; i < days; i++) {
            LocalDate day = today.minusDays(days - 1 - i);
            long[] c = counts.getOrDefault(day, new long[2]);
            int textHeight = (int) Math.round(plot * (double) c[0] / max);
            int imageHeight = (int) Math.round(plot * (double) c[1] / max);
            int x = 40 + i * (BAR + GAP);
            int textY = baseline - textHeight;
            int imageY = textY - imageHeight;
            bars.add(new DayBar(day.toString(), day.getMonthValue() + "/" + day.getDayOfMonth(), c[0], c[1], x, textY, textHeight, imageY,
                    imageHeight, imageY - 4, x + BAR / 2));
        }
        return new WorkDays(bars, 40 + days * (BAR + GAP) + 10, CHART_HEIGHT, baseline, max);
    }

    /** One licence's period on the time axis. */
    record PeriodBar(long licenceId, String status, int y, int x, int width, boolean open, String label) {
    }

    /** Licences' periods drawn on one time axis, with its ticks and today's line. */
    record Periods(List<PeriodBar> bars, List<Tick> ticks, int width, int height, int axisY, int nowX) {
    }

    record Tick(int x, String label) {
    }

    /** A licence to draw: id, status, from, end (null: no end). */
    record Period(long id, String status, Instant from, Instant until, String label) {
    }

    static final int AXIS_LEFT = 170;
    static final int AXIS_WIDTH = 520;
    static final int ROW = 26;

    static Periods periods(List<Period> periods, Instant now) {
        Instant start = now;
        Instant end = now.plus(Duration.ofDays(30));
        for (var p : periods) {
            if (p.from().isBefore(start)) {
                start = p.from();
            }
            if (p.until() != null && p.until().isAfter(end)) {
                end = p.until();
            }
            if (p.from().isAfter(end)) {
                end = p.from().plus(Duration.ofDays(30));
            }
        }
        // Margins: a tenth of the span on both sides.
        long span = Math.max(Duration.between(start, end).toSeconds(), 86_400);
        start = start.minusSeconds(span / 10);
        end = end.plusSeconds(span / 10);
        double total = Duration.between(start, end).toSeconds();
        var bars = new ArrayList<PeriodBar>();
        for (int i = 0; i < periods.size(); i++) {
            var p = periods.get(i);
            int x = AXIS_LEFT + (int) Math.round(AXIS_WIDTH * Duration.between(start, p.from()).toSeconds() / total);
            int x2 = p.until() == null ? AXIS_LEFT + AXIS_WIDTH
                    : AXIS_LEFT + (int) Math.round(AXIS_WIDTH * Duration.between(start, p.until()).toSeconds() / total);
            bars.add(new PeriodBar(p.id(), p.status(), 10 + i * ROW, x, Math.max(3, x2 - x), p.until() == null, p.label()));
        }
        int axisY = 14 + periods.size() * ROW;
        var ticks = new ArrayList<Tick>();
        for (int t = 0; t <= 4; t++) {
            Instant at = start.plusSeconds((long) (total * t / 4));
            ZonedDateTime local = at.atZone(PageForms.ZONE);
            ticks.add(new Tick(AXIS_LEFT + AXIS_WIDTH * t / 4, local.toLocalDate().toString()));
        }
        int nowX = AXIS_LEFT + (int) Math.round(AXIS_WIDTH * Duration.between(start, now).toSeconds() / total);
        return new Periods(bars, ticks, AXIS_LEFT + AXIS_WIDTH + 40, axisY + 28, axisY, nowX);
    }
}
