package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.ERROR;
import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.model.Feedback.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score formula documented on {@link FeedbackAnalyzer}, and where real CVs land with it. */
class FeedbackScoreTest {

  private static FeedbackIssue issue(FeedbackRule rule, Severity severity) {
    return FeedbackIssue.of(rule, severity, "/x");
  }

  @Test
  void eachSeverityHasItsWeight() {
    assertThat(FeedbackScore.of(List.of())).isEqualTo(100);
    assertThat(FeedbackScore.of(List.of(issue(FeedbackRule.MISSING_EMAIL, ERROR)))).isEqualTo(80);
    assertThat(FeedbackScore.of(List.of(issue(FeedbackRule.MISSING_PHONE, WARNING)))).isEqualTo(94);
    assertThat(FeedbackScore.of(List.of(issue(FeedbackRule.MISSING_LINKEDIN, INFO)))).isEqualTo(98);
  }

  @Test
  void furtherFindingsOfACategoryCountLessHeaviestFirst() {
    // 2 + 1.5 + 1.125 = 4.625
    assertThat(FeedbackScore.of(Collections.nCopies(3, issue(FeedbackRule.DATE_YEAR_ONLY, INFO)))).isEqualTo(95);
    // the warning is taken first: 6 + 2 * 0.75 = 7.5
    assertThat(FeedbackScore.of(List.of(issue(FeedbackRule.DATE_YEAR_ONLY, INFO),
        issue(FeedbackRule.WORK_START_MISSING, WARNING)))).isEqualTo(93);
    // different categories do not decay: 6 + 6
    assertThat(FeedbackScore.of(List.of(issue(FeedbackRule.MISSING_PHONE, WARNING),
        issue(FeedbackRule.WORK_START_MISSING, WARNING)))).isEqualTo(88);
  }

  @Test
  void eachCategoryIsCapped() {
    assertThat(FeedbackScore.of(Collections.nCopies(50, issue(FeedbackRule.DATE_FORMATS_INCONSISTENT, ERROR))))
        .isEqualTo(96);
    assertThat(FeedbackScore.of(Collections.nCopies(50, issue(FeedbackRule.MISSING_NAME, ERROR)))).isEqualTo(70);
  }

  @Test
  void theScoreNeverLeavesZeroToHundred() {
    List<FeedbackIssue> everything = new ArrayList<>();
    for (FeedbackRule rule : FeedbackRule.values()) everything.addAll(Collections.nCopies(20, issue(rule, ERROR)));
    assertThat(FeedbackScore.of(everything)).isEqualTo(0);
  }

  @Test
  void strongCvsScoreHighAndPoorOnesLow() {
    assertThat(FeedbackCvs.analyze(FeedbackCvs.strong()).score()).isEqualTo(100);
    assertThat(FeedbackCvs.analyze(FeedbackCvs.manyOngoing()).score()).isBetween(70, 90);
    assertThat(FeedbackCvs.analyze(FeedbackCvs.flawed()).score()).isLessThan(40);
  }
}
