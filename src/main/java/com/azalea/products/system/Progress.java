package com.azalea.products.system;

import java.io.Console;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long batch step: a live bar (done, rate, ETA) on a terminal; otherwise one log line
 * every few seconds and one at the end, each with one rate, so CI logs and redirected output stay
 * readable. The work is counted in units (products, or the bytes of a file shown as MB); when the
 * units are bytes, the rows read so far are shown beside them.
 */
public final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long MESSAGE_EVERY_ROWS = 1 << 14;

    private final String task;
    private final long total;
    private final String unit;
    private final long unitSize;
    private final ProgressBar bar; // null when not on a terminal
    private final long startNanos = System.nanoTime();
    private long lastLogNanos = startNanos;
    private long work;
    private long rows;

    private Progress(String task, long total, String unit, long unitSize, ProgressBar bar) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.unitSize = unitSize;
        this.bar = bar;
    }

    /** @param total the amount of work in {@code unit}s of {@code unitSize} (bytes of a file as MB, products...) */
    public static Progress start(String task, long total, String unit, long unitSize) {
        ProgressBar bar = !onTerminal() ? null : ProgressBar.builder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, unitSize)
                .showSpeed(new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).build();
        return new Progress(task, total, unit, unitSize, bar);
    }

    /** Moves on by {@code work} units and counts {@code done} more rows. Not thread-safe: call from one thread. */
    public void advance(long work, long done) {
        this.work += work;
        long before = rows;
        rows += done;
        if (bar != null) {
            bar.stepBy(work);
            if (unitSize > 1 && before / MESSAGE_EVERY_ROWS != rows / MESSAGE_EVERY_ROWS) {
                bar.setExtraMessage(" " + rowsText());
            }
        } else if (System.nanoTime() - lastLogNanos >= LOG_INTERVAL_NANOS) {
            lastLogNanos = System.nanoTime();
            log.info(line());
        }
    }

    /** All the work is done (a file read to its end, whatever its bytes and characters); counts {@code done} more rows. */
    public void complete(long done) {
        advance(total - work, done);
    }

    /** Shows where the step ended: complete, or where it failed. */
    @Override
    public void close() {
        if (bar == null) {
            log.info(line());
            return;
        }
        if (unitSize > 1) {
            bar.setExtraMessage(" " + rowsText());
        }
        bar.close();
    }

    /** e.g. {@code photos.csv: 120.0 of 450.2 MB (27%), 41.2 MB/s, 1,204,000 rows, 2.9 s} */
    private String line() {
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        NumberFormat amount = NumberFormat.getNumberInstance(Locale.ROOT);
        amount.setMaximumFractionDigits(unitSize > 1 ? 1 : 0);
        amount.setMinimumFractionDigits(unitSize > 1 ? 1 : 0);
        return task + ": " + amount.format((double) work / unitSize) + " of " + amount.format((double) total / unitSize) + " " + unit
                + " (" + (total == 0 ? 100 : work * 100 / total) + "%), " + amount.format(work / seconds / unitSize) + " " + unit + "/s"
                + (unitSize > 1 ? ", " + rowsText() : "") + String.format(Locale.ROOT, ", %.1f s", seconds);
    }

    private String rowsText() {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(rows) + " rows";
    }

    /** Java 22+ returns a console even when output is redirected; {@code isTerminal} then tells. */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only returned for a terminal
        }
    }
}
