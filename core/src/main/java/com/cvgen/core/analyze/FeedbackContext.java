package com.cvgen.core.analyze;

import com.cvgen.core.analyze.FeedbackDates.Period;
import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Section;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What every check needs: the CV, the reference month ("now"), the skills vocabulary, and the
 * dates of the work and education entries read once.
 *
 * @param cv the CV
 * @param referenceMonth the month ongoing entries last to, in {@link FeedbackDates} counting
 * @param vocabulary the skills vocabulary
 * @param work per work entry (same index) its period, empty when its start cannot be read or its
 *     end is present but unreadable
 * @param education per education entry its period, likewise
 * @param partTimeWork per work entry whether its title, employer, summary or description mark it as
 *     part-time, freelance, a side job or voluntary
 */
record FeedbackContext(Resume cv, int referenceMonth, SkillVocabulary vocabulary, List<Optional<Period>> work,
    List<Optional<Period>> education, List<Boolean> partTimeWork) {

  FeedbackContext {
    work = List.copyOf(work);
    education = List.copyOf(education);
    partTimeWork = List.copyOf(partTimeWork);
  }

  static FeedbackContext of(Resume cv, int referenceMonth, SkillVocabulary vocabulary) {
    List<Optional<Period>> work = new ArrayList<>();
    for (int i = 0; i < cv.work().size(); i++) {
      Work w = cv.work().get(i);
      work.add(FeedbackDates.period(new EntryRef(Section.WORK, i), w.startDate(), w.endDate(), referenceMonth));
    }
    List<Optional<Period>> education = new ArrayList<>();
    for (int i = 0; i < cv.education().size(); i++) {
      Education e = cv.education().get(i);
      education.add(FeedbackDates.period(new EntryRef(Section.EDUCATION, i), e.startDate(), e.endDate(),
          referenceMonth));
    }
    List<Boolean> partTime = cv.work().stream()
        .map(w -> FeedbackText.partTime(w.position(), w.name(), w.description(), w.summary())).toList();
    return new FeedbackContext(cv, referenceMonth, vocabulary, work, education, partTime);
  }

  /** True when work entry {@code i} says it is part-time, freelance, a side job or voluntary. */
  boolean partTime(int i) {
    return partTimeWork.get(i);
  }

  /** The periods of the work entries whose dates are readable and in order, sorted by start. */
  List<Period> workTimeline() {
    return work.stream().flatMap(Optional::stream).filter(Period::consistent)
        .sorted(Comparator.comparingInt(Period::widestFrom).thenComparingInt(p -> p.entry().index()))
        .toList();
  }

  /**
   * The months of work experience: the months covered by at least one work entry (overlaps counted
   * once), up to the reference month.
   */
  int experienceMonths() {
    int total = 0;
    int coveredTo = Integer.MIN_VALUE;
    for (Period p : workTimeline()) {
      int from = Math.max(p.widestFrom(), coveredTo + 1);
      int to = Math.min(p.widestTo(), referenceMonth);
      if (to >= from) total += to - from + 1;
      coveredTo = Math.max(coveredTo, p.widestTo());
    }
    return total;
  }
}
