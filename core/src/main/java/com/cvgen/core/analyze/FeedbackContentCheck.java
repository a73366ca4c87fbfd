package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Section;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import java.util.List;

/**
 * What the CV says: the profile summary, measurable results in the roles, the education entries
 * and the languages section.
 */
final class FeedbackContentCheck implements FeedbackCheck {

  /** A summary with fewer words is too thin to say who the candidate is. */
  static final int MIN_SUMMARY_WORDS = 12;
  /** Highlights with fewer words are keyword tags ("React", "Spring Boot"), not statements of results. */
  static final int MIN_STATEMENT_WORDS = 4;

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    String summary = cv.basics().summary();
    if (FeedbackText.blank(summary)) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_SUMMARY, WARNING, "/basics/summary"));
    } else if (FeedbackText.words(summary) < MIN_SUMMARY_WORDS) {
      out.add(FeedbackIssue.of(FeedbackRule.SUMMARY_TOO_SHORT, INFO, "/basics/summary", FeedbackText.words(summary)));
    }
    for (int i = 0; i < cv.work().size(); i++) {
      quantified(new EntryRef(Section.WORK, i), cv.work().get(i), out);
    }
    if (cv.education().isEmpty()) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_EDUCATION, INFO, "/education"));
    }
    for (int i = 0; i < cv.education().size(); i++) {
      Education e = cv.education().get(i);
      EntryRef ref = new EntryRef(Section.EDUCATION, i);
      if (FeedbackText.blank(e.institution())) {
        out.add(FeedbackIssue.of(FeedbackRule.EDUCATION_INSTITUTION_MISSING, WARNING, ref.pointer("institution"),
            ref));
      }
      if (FeedbackText.blank(e.studyType()) && FeedbackText.blank(e.area())) {
        out.add(FeedbackIssue.of(FeedbackRule.EDUCATION_DEGREE_MISSING, INFO, ref.pointer("studyType"), ref));
      }
    }
    if (cv.languages().stream().allMatch(l -> FeedbackText.blank(l.language()))) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_LANGUAGES, INFO, "/languages"));
    }
  }

  /**
   * A role most of whose statements (highlights of at least {@link #MIN_STATEMENT_WORDS} words that
   * are not a list of tools) carry no figure. A warning when none of two or more does, else an info; the finding gives the
   * number of statements and of those without a figure.
   */
  private static void quantified(EntryRef ref, Work w, List<FeedbackIssue> out) {
    List<String> statements = w.highlights().stream()
        .filter(h -> FeedbackText.words(h) >= MIN_STATEMENT_WORDS && !FeedbackText.toolList(h))
        .toList();
    int withFigure = (int) statements.stream().filter(FeedbackText::hasFigure).count();
    int without = statements.size() - withFigure;
    if (without == 0 || without <= withFigure) return;
    boolean none = withFigure == 0;
    FeedbackIssue issue = FeedbackIssue.of(FeedbackRule.HIGHLIGHTS_NOT_QUANTIFIED,
        none && statements.size() >= 2 ? WARNING : INFO, ref.pointer("highlights"), ref, statements.size(), without);
    out.add(issue.variant(none ? "none" : "some"));
  }
}
