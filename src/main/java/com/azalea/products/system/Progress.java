package com.azalea.products.system;

import java.io.Console;
import java.text.NumberFormat;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long batch step: a live bar (done, rate, ETA) on a terminal, a log line every few
 * seconds otherwise, so CI logs and redirected output stay readable.
 */
public final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final int LOG_INTERVAL_MILLIS = 5_000;
    private static final long MESSAGE_EVERY_ROWS = 1 << 14;

    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long rows;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total the amount of work in {@code unit}s of {@code unitSize} (bytes of a file, products...) */
    public static Progress start(String task, long total, String unit, long unitSize) {
        var builder = ProgressBar.builder().setTaskName(task).setInitialMax(total).setUnit(unit, unitSize).showSpeed()
                .setStyle(ProgressBarStyle.ASCII);
        if (onTerminal()) {
            builder.setUpdateIntervalMillis(250);
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(log::info, 200)).setUpdateIntervalMillis(LOG_INTERVAL_MILLIS);
        }
        return new Progress(builder.build());
    }

    /** Moves the bar by {@code work} units and counts {@code done} more rows. Not thread-safe: call from one thread. */
    public void advance(long work, long done) {
        bar.stepBy(work);
        long before = rows;
        rows += done;
        if (before / MESSAGE_EVERY_ROWS != rows / MESSAGE_EVERY_ROWS) {
            showRows();
        }
    }

    private void showRows() {
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ROOT);
        bar.setExtraMessage(" " + number.format(rows) + " rows, " + number.format(Math.round(rows / seconds)) + " rows/s");
    }

    @Override
    public void close() {
        showRows();
        bar.stepTo(bar.getMax());
        bar.close();
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
