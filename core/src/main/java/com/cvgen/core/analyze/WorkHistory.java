package com.cvgen.core.analyze;

import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Years of work experience as the matcher, the offer and the dashboard count them: every role from
 * its start month to its end month (an open role to the current month, a bare year from January
 * or to December), overlapping roles counted once.
 */
public final class WorkHistory {
  private WorkHistory() {}

  /** Years of experience up to {@code now}, one decimal. */
  public static double years(Resume cv, YearMonth now) {
    return Math.round(months(cv, now) / 12.0 * 10) / 10.0;
  }

  /** Months of experience up to {@code now}, overlaps counted once. */
  public static long months(Resume cv, YearMonth now) {
    List<YearMonth[]> spans = new ArrayList<>();
    for (Work w : cv.work()) {
      Optional<YearMonth> start = month(w.startDate(), false);
      if (start.isEmpty()) continue;
      YearMonth end = w.endDate() == null ? now : month(w.endDate(), true).orElse(now);
      if (end.isAfter(now)) end = now;
      if (end.isBefore(start.get())) continue;
      spans.add(new YearMonth[] {start.get(), end});
    }
    spans.sort(Comparator.comparing(s -> s[0]));
    long months = 0;
    YearMonth curStart = null;
    YearMonth curEnd = null;
    for (YearMonth[] s : spans) {
      if (curEnd != null && !s[0].isAfter(curEnd.plusMonths(1))) {
        if (s[1].isAfter(curEnd)) curEnd = s[1];
      } else {
        if (curStart != null) months += curStart.until(curEnd, ChronoUnit.MONTHS) + 1;
        curStart = s[0];
        curEnd = s[1];
      }
    }
    if (curStart != null) months += curStart.until(curEnd, ChronoUnit.MONTHS) + 1;
    return months;
  }

  /** An ISO date as a month: "2021-03" or "2021-03-15" -> 2021-03; "2021" -> January (start) or December (end). */
  public static Optional<YearMonth> month(String iso, boolean end) {
    if (iso == null) return Optional.empty();
    try {
      if (iso.length() >= 7) return Optional.of(YearMonth.parse(iso.substring(0, 7)));
      if (iso.length() == 4) return Optional.of(YearMonth.of(Integer.parseInt(iso), end ? 12 : 1));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
