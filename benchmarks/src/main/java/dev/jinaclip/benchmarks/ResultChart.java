package dev.jinaclip.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The results as one PNG of four panels: throughput end to end against raw ONNX Runtime per workload, their
 * ratio with the 0.97 target, peak RSS, and the hosted client's wall and CPU time.
 */
final class ResultChart {

    static final double TARGET_RATIO = 0.97;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private ResultChart() {
    }

    static void write(List<BenchResult> results, Path png) throws IOException {
        List<CategoryChart> charts = new ArrayList<>();
        List<BenchResult> measured = results.stream()
                .filter(r -> r.local() != null && r.local().rawBest() != null).toList();
        if (!measured.isEmpty()) {
            charts.add(throughput(measured));
            charts.add(ratios(measured));
        }
        // the hosted and server processes hold no engine or more than one: their RSS is in the table only
        List<BenchResult> withRss = results.stream().filter(r -> r.peakRss() != null && r.hosted() == null
                && r.serverLoad() == null && r.burst() == null).toList();
        if (!withRss.isEmpty()) {
            charts.add(peakRss(withRss));
        }
        results.stream().filter(r -> r.hosted() != null).findFirst().ifPresent(r -> charts.add(hosted(r)));
        if (charts.isEmpty()) {
            throw new IllegalStateException("Nothing to draw: no workload has raw, RSS or hosted figures");
        }
        int columns = charts.size() == 1 ? 1 : 2;
        BitmapEncoder.saveBitmap(charts, (charts.size() + 1) / columns, columns, png.toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart throughput(List<BenchResult> results) {
        CategoryChart chart = chart("Throughput per workload (median of the runs)", "items/s, log scale", results);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsRotation(90);
        add(chart, "end to end", results, r -> r.local().endToEnd().median());
        add(chart, "raw, engine layout", results, r -> r.local().rawEngineLayout().throughput().median());
        add(chart, "raw, best layout", results, r -> r.local().rawBest().throughput().median());
        logarithmic(chart);
        return chart;
    }

    private static CategoryChart ratios(List<BenchResult> results) {
        CategoryChart chart = chart("End to end ÷ raw ONNX Runtime", "ratio of medians", results);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        double highest = results.stream().mapToDouble(r -> Math.max(r.local().endToEndOverBestRaw(),
                r.local().endToEndOverEngineLayoutRaw())).max().orElse(1);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(1.1, highest * 1.1));
        add(chart, "÷ best raw layout", results, r -> r.local().endToEndOverBestRaw());
        add(chart, "÷ raw, engine layout", results, r -> r.local().endToEndOverEngineLayoutRaw());
        add(chart, "target " + TARGET_RATIO, results, r -> TARGET_RATIO)
                .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        return chart;
    }

    private static CategoryChart peakRss(List<BenchResult> results) {
        CategoryChart chart = chart("Peak RSS of a fresh process (/usr/bin/time -v)", "GB", results);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        add(chart, "engine alone", results, r -> gigabytes(r.peakRss().engineOnlyBytes() != null
                ? r.peakRss().engineOnlyBytes() : r.peakRss().processBytes()));
        add(chart, "whole run (raw sessions too, in local workloads)", results,
                r -> gigabytes(r.peakRss().processBytes()));
        return chart;
    }

    private static CategoryChart hosted(BenchResult result) {
        BenchResult.HostedFigures hosted = result.hosted();
        List<String> settings = hosted.runs().stream()
                .map(run -> run.embeddingType() + ", " + run.maxConcurrentRequests() + " in flight").toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format("Hosted: %,d texts, server answering after %d ms", hosted.texts(),
                        hosted.serverDelayMillis()))
                .yAxisTitle("log scale").build();
        style(chart);
        chart.getStyler().setLabelsVisible(true);
        chart.addSeries("wall, s", settings, hosted.runs().stream().map(run -> run.wallSeconds().median()).toList());
        chart.addSeries("wall with no client cost, s", settings,
                hosted.runs().stream().map(BenchResult.HostedRun::idealWallSeconds).toList());
        chart.addSeries("client CPU, ms per 1,000", settings,
                hosted.runs().stream().map(run -> run.clientCpuMillisPer1000().median()).toList());
        logarithmic(chart);
        return chart;
    }

    // XChart draws bars on a log axis only between given bounds, powers of ten around the data
    private static void logarithmic(CategoryChart chart) {
        DoubleSummaryStatistics values = chart.getSeriesMap().values().stream()
                .flatMap(series -> series.getYData().stream()).mapToDouble(Number::doubleValue)
                .filter(value -> value > 0).summaryStatistics();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setDecimalPattern("#,##0.##");
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(values.getMin()))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(values.getMax() * 1.5))));
    }

    private static CategoryChart chart(String title, String yAxis, List<BenchResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(yAxis).build();
        style(chart);
        if (results.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        return chart;
    }

    private static void style(CategoryChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setAvailableSpaceFill(0.8);
    }

    private static CategorySeries add(CategoryChart chart, String name, List<BenchResult> results,
                                      Function<BenchResult, Double> value) {
        List<String> workloads = results.stream().map(BenchResult::workload).toList();
        return chart.addSeries(name, workloads, results.stream().map(value).toList());
    }

    private static double gigabytes(Long bytes) {
        return bytes == null ? 0 : bytes / 1e9;
    }
}
