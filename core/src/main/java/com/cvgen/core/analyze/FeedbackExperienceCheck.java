package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.ERROR;
import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackDates.Bounds;
import com.cvgen.core.analyze.FeedbackDates.Period;
import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Section;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The experience as a whole and its entries: no experience, gaps and overlaps between roles, roles
 * without title, employer or any description.
 */
final class FeedbackExperienceCheck implements FeedbackCheck {

  /** A gap between roles is reported when longer than this many months. */
  static final int MAX_GAP_MONTHS = 6;
  /** Two roles are reported when they certainly overlap by more than this many months. */
  static final int MAX_OVERLAP_MONTHS = 1;
  /** An overlap longer than this many months is a warning rather than an info. */
  static final int LONG_OVERLAP_MONTHS = 6;
  /** Roles that ended longer ago than this many months may be listed without details. */
  static final int DETAILS_EXPECTED_MONTHS = 120;

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    if (cv.work().isEmpty()) {
      boolean standIn = !cv.projects().isEmpty() || !cv.volunteer().isEmpty();
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_WORK, standIn ? WARNING : ERROR, "/work"));
      return;
    }
    for (int i = 0; i < cv.work().size(); i++) {
      entry(context, i, out);
    }
    gaps(context, out);
    overlaps(context, out);
  }

  private static void entry(FeedbackContext context, int i, List<FeedbackIssue> out) {
    Work w = context.cv().work().get(i);
    EntryRef ref = new EntryRef(Section.WORK, i);
    if (FeedbackText.blank(w.position())) {
      out.add(FeedbackIssue.of(FeedbackRule.WORK_POSITION_MISSING, WARNING, ref.pointer("position"), ref));
    }
    if (FeedbackText.blank(w.name())) {
      out.add(FeedbackIssue.of(FeedbackRule.WORK_EMPLOYER_MISSING, WARNING, ref.pointer("name"), ref));
    }
    boolean described = !w.highlights().stream().allMatch(FeedbackText::blank)
        || !FeedbackText.blank(w.summary()) || !FeedbackText.blank(w.description());
    boolean recent = context.work().get(i)
        .map(p -> p.widestTo() >= context.referenceMonth() - DETAILS_EXPECTED_MONTHS).orElse(true);
    if (!described && recent) {
      out.add(FeedbackIssue.of(FeedbackRule.WORK_WITHOUT_DETAILS, INFO, ref.pointer("highlights"), ref));
    }
  }

  /**
   * Gaps of more than {@link #MAX_GAP_MONTHS} months between roles. Overlapping roles are merged
   * first, and education within the span of the roles fills gaps too (studying is no gap). A gap is
   * measured from the latest month the earlier role may have ended to the earliest month the next
   * may have started, so year-only dates never make a gap appear.
   */
  private static void gaps(FeedbackContext context, List<FeedbackIssue> out) {
    List<Period> roles = context.workTimeline();
    if (roles.size() < 2) return;
    int spanFrom = roles.stream().mapToInt(Period::widestFrom).min().orElseThrow();
    int spanTo = roles.stream().mapToInt(Period::widestTo).max().orElseThrow();
    List<Period> coverage = new ArrayList<>(roles);
    context.education().stream().flatMap(Optional::stream).filter(Period::consistent)
        .filter(p -> p.widestTo() >= spanFrom && p.widestFrom() <= spanTo)
        .forEach(coverage::add);
    coverage.sort(Comparator.comparingInt(Period::widestFrom).thenComparing(p -> p.entry().section())
        .thenComparingInt(p -> p.entry().index()));
    Period last = null;
    for (Period p : coverage) {
      if (last != null && p.widestFrom() - last.widestTo() - 1 > MAX_GAP_MONTHS) {
        int months = p.widestFrom() - last.widestTo() - 1;
        out.add(FeedbackIssue.of(FeedbackRule.WORK_GAP, WARNING, p.entry().pointer("startDate"), months,
            last.entry(), FeedbackDates.display(last.end()), p.entry(), FeedbackDates.display(p.start()),
            months / 12, restMonths(months)));
      }
      if (last == null || p.widestTo() > last.widestTo()) last = p;
    }
  }

  /** Two roles and by how many months they certainly overlap. */
  private record Overlap(Period earlier, Period later, int months) {}

  /**
   * Pairs of roles that certainly overlap by more than a month, unless they are at the same
   * employer (a promotion), either is marked part-time, freelance or voluntary, or both are ongoing
   * (reported as several ongoing roles instead). Each role is named in one overlap at most, the
   * longest it has, so one long side activity does not flood the feedback; the findings follow the
   * CV order of the later-starting role.
   */
  private static void overlaps(FeedbackContext context, List<FeedbackIssue> out) {
    List<Work> work = context.cv().work();
    List<Overlap> all = new ArrayList<>();
    for (int i = 0; i < work.size(); i++) {
      Optional<Period> a = context.work().get(i).filter(Period::consistent);
      if (a.isEmpty() || context.partTime(i)) continue;
      for (int j = i + 1; j < work.size(); j++) {
        Optional<Period> b = context.work().get(j).filter(Period::consistent);
        if (b.isEmpty() || context.partTime(j) || (a.get().ongoing() && b.get().ongoing())
            || sameEmployer(work.get(i), work.get(j))) {
          continue;
        }
        int months = Math.min(a.get().surelyTo(), b.get().surelyTo())
            - Math.max(a.get().surelyFrom(), b.get().surelyFrom()) + 1;
        if (months > MAX_OVERLAP_MONTHS) {
          Period later = laterStart(a.get(), b.get());
          all.add(new Overlap(later == a.get() ? b.get() : a.get(), later, months));
        }
      }
    }
    all.sort(Comparator.comparingInt(Overlap::months).reversed()
        .thenComparingInt(o -> o.later().entry().index()).thenComparingInt(o -> o.earlier().entry().index()));
    Set<Integer> named = new HashSet<>();
    List<Overlap> chosen = new ArrayList<>();
    for (Overlap o : all) {
      if (named.contains(o.earlier().entry().index()) || named.contains(o.later().entry().index())) continue;
      named.add(o.earlier().entry().index());
      named.add(o.later().entry().index());
      chosen.add(o);
    }
    chosen.sort(Comparator.comparingInt((Overlap o) -> o.later().entry().index())
        .thenComparingInt(o -> o.earlier().entry().index()));
    for (Overlap o : chosen) {
      out.add(FeedbackIssue.of(FeedbackRule.WORK_OVERLAP, o.months() > LONG_OVERLAP_MONTHS ? WARNING : INFO,
          o.later().entry().pointer("startDate"), o.months(), o.earlier().entry(), o.later().entry(),
          o.months() / 12, restMonths(o.months())));
    }
  }

  /**
   * The months beyond whole years of a duration said in years (two years or more), else -1: the
   * messages give a duration as "7 months" below two years and as "2 years and 5 months" from two.
   */
  static int restMonths(int months) {
    return months >= 24 ? months % 12 : -1;
  }

  private static Period laterStart(Period a, Period b) {
    Bounds sa = a.start();
    Bounds sb = b.start();
    if (sa.earliest() != sb.earliest()) return sa.earliest() > sb.earliest() ? a : b;
    return a.entry().index() > b.entry().index() ? a : b;
  }

  private static boolean sameEmployer(Work a, Work b) {
    if (FeedbackText.blank(a.name()) || FeedbackText.blank(b.name())) return false;
    return a.name().strip().toLowerCase(Locale.ROOT).equals(b.name().strip().toLowerCase(Locale.ROOT));
  }
}
