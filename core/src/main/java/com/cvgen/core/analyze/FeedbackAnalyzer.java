package com.cvgen.core.analyze;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Resume;
import com.cvgen.core.skills.SkillVocabulary;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Quality feedback on a CV ({@code feedback.json}): what a careful recruiter would point out, each
 * finding with its rule, severity, category, the JSON pointer of the CV field it concerns, a
 * message and a concrete suggestion naming the entry, in German, English or French; and a score.
 *
 * <pre>{@code
 * Feedback feedback = new FeedbackAnalyzer().analyze(resume, OutputLanguage.DE);
 * }</pre>
 *
 * <p>The rules ({@link FeedbackRule} lists them with their ids and severities): contact data;
 * missing, unreadable, reversed, future and year-only dates; roles not in reverse-chronological
 * order and several roles left ongoing; gaps over six months between roles (overlapping roles
 * merged, education filling gaps) and overlaps over one month between full-time roles; roles
 * without title, employer or description; the profile summary (missing, too short, too long);
 * highlights without a measurable result, per role with the count; bullet points and role
 * descriptions that are too long; education entries without institution or degree; missing
 * education, languages or skills sections; skills listed twice or not backed by any role, project
 * or certificate; too many pages for the experience ({@code meta.cvgen.pages}); and start dates
 * written in several formats in the source document ({@code meta.cvgen.fields}). Rules that need
 * extraction metadata say nothing without it.
 *
 * <p>Each rule reports at most {@value #MAX_FINDINGS_PER_RULE} findings (the first in CV order), so
 * a 200-role CV gives readable feedback. Findings are ordered by severity (errors first), then by
 * category in the order of {@link FeedbackRule.Category}, then in CV order.
 *
 * <p><b>Score.</b> Start at 100. Each finding weighs 20 (error), 6 (warning) or 2 (info). Within a
 * category the findings are taken heaviest first and each further one counts 0.75 times the one
 * before (diminishing returns), and the category's sum is capped: contact 30, experience 25, dates
 * 20, content 20, length 10, skills 8, format 4. The score is 100 minus the sum of the capped
 * category penalties, rounded and kept within 0..100:
 *
 * <pre>
 *   score = round(100 - sum over categories c of min(cap(c), sum over k of w(c, k) * 0.75^k))
 * </pre>
 *
 * where {@code w(c, 0) >= w(c, 1) >= ...} are the weights of the findings of {@code c}. So one
 * category cannot sink the score alone, a complete, consistent CV keeps 85-100 even with some
 * infos, and a CV without contact data, experience and sections falls below 40.
 *
 * <p>The analysis is deterministic: the same CV, language and reference month give the same
 * feedback. "Now" (what ongoing roles last to, what lies in the future) is the current month of the
 * {@link Clock} given to the constructor. Instances are immutable and thread-safe.
 */
public final class FeedbackAnalyzer {

  /** The most findings one rule reports. */
  public static final int MAX_FINDINGS_PER_RULE = 10;

  private static final List<FeedbackCheck> CHECKS = List.of(new FeedbackContactCheck(), new FeedbackDateCheck(),
      new FeedbackExperienceCheck(), new FeedbackContentCheck(), new FeedbackLengthCheck(),
      new FeedbackSkillCheck(), new FeedbackFormatCheck());

  private final Clock clock;
  private final SkillVocabulary vocabulary;

  /** An analyzer with the system clock (UTC) and the default skills vocabulary. */
  public FeedbackAnalyzer() {
    this(Clock.systemUTC(), SkillVocabulary.defaults());
  }

  /**
   * @param clock gives the reference month: ongoing roles last to it, later start dates are in the
   *     future; use a fixed clock for reproducible feedback
   * @param vocabulary the skills vocabulary skills are compared with
   */
  public FeedbackAnalyzer(Clock clock, SkillVocabulary vocabulary) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * The feedback on {@code cv}, written in {@code language}.
   *
   * @throws NullPointerException if {@code cv} or {@code language} is null
   */
  public Feedback analyze(Resume cv, OutputLanguage language) {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(language, "language");
    int referenceMonth = FeedbackDates.month(YearMonth.now(clock));
    FeedbackContext context = FeedbackContext.of(cv, referenceMonth, vocabulary);
    List<FeedbackIssue> found = new ArrayList<>();
    for (FeedbackCheck check : CHECKS) {
      check.check(context, found);
    }
    List<FeedbackIssue> issues = capped(found);
    FeedbackMessages messages = FeedbackMessages.of(language);
    List<Finding> findings = issues.stream()
        .map(i -> new Finding(i.rule().id(), i.severity(), i.rule().category().id(), i.location(),
            messages.message(i, cv), messages.suggestion(i, cv)))
        .toList();
    return new Feedback(FeedbackScore.of(issues), language.code(), findings);
  }

  /** The first {@link #MAX_FINDINGS_PER_RULE} issues of each rule, most severe first (stable). */
  private static List<FeedbackIssue> capped(List<FeedbackIssue> found) {
    Map<FeedbackRule, Integer> counts = new EnumMap<>(FeedbackRule.class);
    List<FeedbackIssue> kept = new ArrayList<>();
    for (FeedbackIssue issue : found) {
      if (counts.merge(issue.rule(), 1, Integer::sum) <= MAX_FINDINGS_PER_RULE) kept.add(issue);
    }
    kept.sort(Comparator.comparing((FeedbackIssue i) -> i.severity()).reversed()
        .thenComparing(i -> i.rule().category()));
    return kept;
  }
}
