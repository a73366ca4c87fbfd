package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.ERROR;
import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackDates.Bounds;
import com.cvgen.core.analyze.FeedbackDates.Period;
import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Listing;
import com.cvgen.core.analyze.FeedbackIssue.Quoted;
import com.cvgen.core.analyze.FeedbackIssue.Section;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dates of single entries and of the experience list: missing, unreadable, reversed, future and
 * year-only dates, the order of the roles, and roles left ongoing.
 */
final class FeedbackDateCheck implements FeedbackCheck {

  /** How many ongoing roles a finding names; the count covers them all. */
  static final int MAX_NAMED_ONGOING = 4;

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    for (int i = 0; i < cv.work().size(); i++) {
      Work w = cv.work().get(i);
      EntryRef ref = new EntryRef(Section.WORK, i);
      if (FeedbackDates.absent(w.startDate())) {
        out.add(FeedbackIssue.of(FeedbackRule.WORK_START_MISSING, WARNING, ref.pointer("startDate"), ref));
      }
      entryDates(ref, w.startDate(), w.endDate(), out);
      workDates(context, ref, w, out);
    }
    for (int i = 0; i < cv.education().size(); i++) {
      Education e = cv.education().get(i);
      EntryRef ref = new EntryRef(Section.EDUCATION, i);
      if (FeedbackDates.absent(e.startDate()) && FeedbackDates.absent(e.endDate())) {
        out.add(FeedbackIssue.of(FeedbackRule.EDUCATION_DATES_MISSING, INFO, ref.pointer("endDate"), ref));
      }
      entryDates(ref, e.startDate(), e.endDate(), out);
    }
    for (int i = 0; i < cv.volunteer().size(); i++) {
      Volunteer v = cv.volunteer().get(i);
      entryDates(new EntryRef(Section.VOLUNTEER, i), v.startDate(), v.endDate(), out);
    }
    for (int i = 0; i < cv.projects().size(); i++) {
      Project p = cv.projects().get(i);
      entryDates(new EntryRef(Section.PROJECTS, i), p.startDate(), p.endDate(), out);
    }
    order(context, out);
    ongoing(context, out);
  }

  /**
   * Unreadable dates and an end before the start, for an entry of any section. A start date that
   * says "present" is unreadable too; an end date may say so.
   */
  private static void entryDates(EntryRef ref, String startDate, String endDate, List<FeedbackIssue> out) {
    for (String field : List.of("startDate", "endDate")) {
      boolean start = field.equals("startDate");
      String value = start ? startDate : endDate;
      if (FeedbackDates.unreadable(value) || (start && FeedbackDates.ongoingWord(value))) {
        out.add(FeedbackIssue.of(FeedbackRule.DATE_UNREADABLE, WARNING, ref.pointer(field), ref, new Quoted(value)));
      }
    }
    Optional<Bounds> start = FeedbackDates.parse(startDate);
    Optional<Bounds> end = FeedbackDates.parse(endDate);
    if (start.isPresent() && end.isPresent() && end.get().latest() < start.get().earliest()) {
      out.add(FeedbackIssue.of(FeedbackRule.DATE_END_BEFORE_START, ERROR, ref.pointer("endDate"), ref,
          FeedbackDates.display(start.get()), FeedbackDates.display(end.get())));
    }
  }

  /** Work entries only: a start in the future, and dates given by year only. */
  private static void workDates(FeedbackContext context, EntryRef ref, Work w, List<FeedbackIssue> out) {
    Optional<Bounds> start = FeedbackDates.parse(w.startDate());
    Optional<Bounds> end = FeedbackDates.parse(w.endDate());
    if (start.isPresent() && start.get().earliest() > context.referenceMonth()) {
      out.add(FeedbackIssue.of(FeedbackRule.DATE_IN_FUTURE, WARNING, ref.pointer("startDate"), ref,
          FeedbackDates.display(start.get())));
    }
    boolean startYear = start.map(Bounds::yearOnly).orElse(false);
    boolean endYear = end.map(Bounds::yearOnly).orElse(false);
    if (startYear || endYear) {
      out.add(FeedbackIssue.of(FeedbackRule.DATE_YEAR_ONLY, INFO, ref.pointer(startYear ? "startDate" : "endDate"),
          ref));
    }
  }

  /**
   * The first role listed below a role it certainly started after: CVs list the most recent role
   * first. Roles whose start cannot be read are skipped; a year-only start is compared by the
   * whole year, so "2019" next to "2019-03" is never out of order.
   */
  private static void order(FeedbackContext context, List<FeedbackIssue> out) {
    List<Work> work = context.cv().work();
    int previous = -1;
    Bounds previousStart = null;
    for (int i = 0; i < work.size(); i++) {
      Optional<Bounds> start = FeedbackDates.parse(work.get(i).startDate());
      if (start.isEmpty()) continue;
      if (previousStart != null && start.get().earliest() > previousStart.latest()) {
        EntryRef ref = new EntryRef(Section.WORK, i);
        out.add(FeedbackIssue.of(FeedbackRule.WORK_NOT_REVERSE_CHRONOLOGICAL, WARNING, ref.pointer("startDate"),
            ref, new EntryRef(Section.WORK, previous)));
        return;
      }
      previous = i;
      previousStart = start.get();
    }
  }

  /**
   * Two or more ongoing roles that are not marked as part-time: usually an end date was forgotten.
   * The finding points at the earliest-started of them, the one most likely to have ended.
   */
  private static void ongoing(FeedbackContext context, List<FeedbackIssue> out) {
    List<Period> ongoing = new ArrayList<>();
    for (int i = 0; i < context.work().size(); i++) {
      Optional<Period> p = context.work().get(i);
      if (p.isPresent() && p.get().ongoing() && !context.partTime(i)) ongoing.add(p.get());
    }
    if (ongoing.size() < 2) return;
    Period oldest = ongoing.stream()
        .min(Comparator.comparingInt(Period::widestFrom).thenComparingInt(p -> p.entry().index())).orElseThrow();
    List<EntryRef> named = ongoing.stream().limit(MAX_NAMED_ONGOING).map(Period::entry).toList();
    FeedbackIssue issue = FeedbackIssue.of(FeedbackRule.WORK_SEVERAL_ONGOING, INFO,
        oldest.entry().pointer("endDate"), ongoing.size(), new Listing(named), oldest.entry());
    out.add(ongoing.size() > MAX_NAMED_ONGOING ? issue.variant("more") : issue);
  }
}
