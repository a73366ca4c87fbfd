package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Section;
import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import java.util.List;

/** Length: of the summary, of bullet points and role descriptions, and of the document in pages. */
final class FeedbackLengthCheck implements FeedbackCheck {

  /** A profile summary over this many words is too long to be read at a glance. */
  static final int MAX_SUMMARY_WORDS = 100;
  /** A bullet point over this many words or characters is too long for one line of thought. */
  static final int MAX_HIGHLIGHT_WORDS = 30;
  static final int MAX_HIGHLIGHT_CHARS = 200;
  /** A role's prose summary or description over this many words is better as bullet points. */
  static final int MAX_DESCRIPTION_WORDS = 80;
  /** Pages allowed regardless of experience, and with less than {@link #SENIOR_MONTHS} of it. */
  static final int MAX_PAGES = 3;
  static final int MAX_PAGES_JUNIOR = 2;
  static final int SENIOR_MONTHS = 120;

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    int summaryWords = FeedbackText.words(cv.basics().summary());
    if (summaryWords > MAX_SUMMARY_WORDS) {
      out.add(FeedbackIssue.of(FeedbackRule.SUMMARY_TOO_LONG, INFO, "/basics/summary", summaryWords));
    }
    for (int i = 0; i < cv.work().size(); i++) {
      Work w = cv.work().get(i);
      EntryRef ref = new EntryRef(Section.WORK, i);
      highlights(ref, w.highlights(), out);
      for (String field : List.of("summary", "description")) {
        int words = FeedbackText.words(field.equals("summary") ? w.summary() : w.description());
        if (words > MAX_DESCRIPTION_WORDS) {
          out.add(FeedbackIssue.of(FeedbackRule.DESCRIPTION_TOO_LONG, INFO, ref.pointer(field), ref, words));
        }
      }
    }
    for (int i = 0; i < cv.volunteer().size(); i++) {
      highlights(new EntryRef(Section.VOLUNTEER, i), cv.volunteer().get(i).highlights(), out);
    }
    for (int i = 0; i < cv.projects().size(); i++) {
      highlights(new EntryRef(Section.PROJECTS, i), cv.projects().get(i).highlights(), out);
    }
    pages(context, out);
  }

  private static void highlights(EntryRef ref, List<String> highlights, List<FeedbackIssue> out) {
    for (int j = 0; j < highlights.size(); j++) {
      String h = highlights.get(j).strip();
      int words = FeedbackText.words(h);
      if (words > MAX_HIGHLIGHT_WORDS || h.length() > MAX_HIGHLIGHT_CHARS) {
        out.add(FeedbackIssue.of(FeedbackRule.HIGHLIGHT_TOO_LONG, INFO, ref.pointer("highlights/" + j), ref, j + 1,
            words, h.length()));
      }
    }
  }

  /**
   * Pages as the extraction counted them ({@code meta.cvgen.pages}; nothing is said when unknown):
   * more than {@link #MAX_PAGES} always, more than {@link #MAX_PAGES_JUNIOR} with under ten years of
   * work experience.
   */
  private static void pages(FeedbackContext context, List<FeedbackIssue> out) {
    Extraction extraction = context.cv().meta() == null ? null : context.cv().meta().extraction();
    int pages = extraction == null ? 0 : extraction.pages();
    int months = context.experienceMonths();
    boolean junior = months < SENIOR_MONTHS;
    if (pages > MAX_PAGES || (junior && pages > MAX_PAGES_JUNIOR)) {
      FeedbackIssue issue = FeedbackIssue.of(FeedbackRule.TOO_MANY_PAGES, WARNING, "/meta/cvgen/pages", pages,
          months / 12);
      out.add(issue.variant(junior ? "junior" : "senior"));
    }
  }
}
