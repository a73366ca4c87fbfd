package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.MatchFixtures.cv;
import static com.cvgen.core.analyze.MatchFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkHistoryTest {
  private static final YearMonth NOW = YearMonth.of(2026, 6);

  @Test
  void overlapsCountOnceAndOpenRolesRunToNow() {
    var resume = cv(List.of(work("A", "X", "2016-01", "2018-12"), work("B", "Y", "2018-06", "2019-12"),
        work("C", "Z", "2024-07", null)), List.of(), List.of(), List.of(), null);
    assertThat(WorkHistory.months(resume, NOW)).isEqualTo(48 + 24);
    assertThat(WorkHistory.years(resume, NOW)).isEqualTo(6.0);
  }

  @Test
  void bareYearsSpanWholeYearsAndUnreadableDatesAreSkipped() {
    var resume = cv(List.of(work("A", "X", "2020", "2021"), work("B", "Y", "20XX", "2022"),
        work("C", "Z", "2025-05", "2024-01")), List.of(), List.of(), List.of(), null);
    assertThat(WorkHistory.months(resume, NOW)).isEqualTo(24);
    assertThat(WorkHistory.month("2021-03-15", false)).contains(YearMonth.of(2021, 3));
    assertThat(WorkHistory.month("2021", true)).contains(YearMonth.of(2021, 12));
    assertThat(WorkHistory.month("heute", false)).isEmpty();
  }

  @Test
  void futureEndsStopAtNow() {
    var resume = cv(List.of(work("A", "X", "2026-01", "2030-12")), List.of(), List.of(), List.of(), null);
    assertThat(WorkHistory.months(resume, NOW)).isEqualTo(6);
  }
}
