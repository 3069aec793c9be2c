package org.alliancechain.einvoice.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * Horizontal bar charts as inline SVG, drawn on the server (no script, no chart library): one row
 * per bar with its label on the left and its value written after the bar, both in the page's ink on
 * white (WCAG AA); the bars are the suite's brand blue (more than 3:1 against white, as graphics need).
 * Each chart carries a title and a description for screen readers; the table beside it has the figures.
 */
public final class BarChart {

    /** One bar: its label, its value (non-negative; drawn to scale) and how the value is written. */
    public record Bar(String label, BigDecimal value, String shown) {
    }

    private static final int WIDTH = 720;
    private static final int LABEL = 200;
    private static final int VALUE = 130;
    private static final int ROW = 26;
    private static final String INK = "#1d2733";
    private static final String BAR = "#1f4e79";
    private static final String ALT = "#b45309";

    private BarChart() {
    }

    /** A chart with {@code bars}; {@code id} becomes the SVG's id. */
    public static String svg(String id, String title, List<Bar> bars) {
        return svg(id, title, bars, false);
    }

    /** As {@link #svg(String, String, List)}; {@code alternate} draws the bars in the warning colour (refusals, red letters). */
    public static String svg(String id, String title, List<Bar> bars, boolean alternate) {
        int height = Math.max(1, bars.size()) * ROW + 10;
        BigDecimal max = bars.stream().map(b -> b.value().abs()).reduce(BigDecimal.ZERO, BigDecimal::max);
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(escape(id)).append("\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(escape(id)).append("-title\">")
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>");
        if (bars.isEmpty()) {
            svg.append("<text x=\"0\" y=\"20\" fill=\"").append(INK).append("\" font-size=\"13\">暂无数据 · No figures yet</text>");
        }
        int span = WIDTH - LABEL - VALUE;
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            int y = i * ROW + 5;
            double share = max.signum() == 0 ? 0 : bar.value().abs().doubleValue() / max.doubleValue();
            int length = (int) Math.round(share * span);
            if (bar.value().signum() != 0) {
                length = Math.max(2, length);
            }
            svg.append("<g class=\"bar\"><text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" fill=\"").append(INK).append("\" font-size=\"13\">").append(escape(bar.label())).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(length)
                    .append("\" height=\"").append(ROW - 9).append("\" rx=\"3\" fill=\"").append(alternate ? ALT : BAR).append("\"/>")
                    .append("<text x=\"").append(LABEL + length + 6).append("\" y=\"").append(y + 15).append("\" fill=\"").append(INK)
                    .append("\" font-size=\"13\">").append(escape(bar.shown())).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** A quota-use bar: how much of {@code quota} is {@code used}, in the warning colour above 80 %. */
    public static String quota(BigDecimal used, BigDecimal quota) {
        double share = quota.signum() == 0 ? 1 : Math.min(1, used.doubleValue() / quota.doubleValue());
        int width = (int) Math.round(share * 160);
        String colour = share > 0.8 ? ALT : BAR;
        String percent = String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"quota\" width=\"162\" height=\"12\" role=\"img\" aria-label=\"额度已用 quota used "
                + percent + "\"><rect x=\"0.5\" y=\"0.5\" width=\"161\" height=\"11\" rx=\"3\" fill=\"#ffffff\" stroke=\"#5f6b7a\"/>"
                + "<rect x=\"1\" y=\"1\" width=\"" + width + "\" height=\"10\" rx=\"2\" fill=\"" + colour + "\"/></svg>";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
