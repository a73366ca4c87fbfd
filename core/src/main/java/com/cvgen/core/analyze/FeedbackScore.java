package com.cvgen.core.analyze;

import com.cvgen.core.analyze.FeedbackRule.Category;
import com.cvgen.core.model.Feedback.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The score of a CV from its findings; the formula is documented on {@link FeedbackAnalyzer}.
 */
final class FeedbackScore {

  /** Points a finding costs at full weight. */
  static final Map<Severity, Double> WEIGHT = new EnumMap<>(Map.of(
      Severity.ERROR, 20.0, Severity.WARNING, 6.0, Severity.INFO, 2.0));
  /** Each further finding of a category costs this share of the one before it (heaviest first). */
  static final double DECAY = 0.75;
  /** The most points a category can cost. */
  static final Map<Category, Double> CAP = new EnumMap<>(Map.of(
      Category.CONTACT, 30.0, Category.DATES, 20.0, Category.EXPERIENCE, 25.0, Category.CONTENT, 20.0,
      Category.LENGTH, 10.0, Category.SKILLS, 8.0, Category.FORMAT, 4.0));

  private FeedbackScore() {}

  /** 0..100: 100 minus the capped, decaying penalty of each category, rounded. */
  static int of(List<FeedbackIssue> issues) {
    Map<Category, List<Double>> weights = new EnumMap<>(Category.class);
    for (FeedbackIssue issue : issues) {
      weights.computeIfAbsent(issue.rule().category(), c -> new ArrayList<>()).add(WEIGHT.get(issue.severity()));
    }
    double penalty = 0;
    for (Map.Entry<Category, List<Double>> e : weights.entrySet()) {
      List<Double> w = new ArrayList<>(e.getValue());
      w.sort(Comparator.reverseOrder());
      double category = 0;
      double factor = 1;
      for (double x : w) {
        category += x * factor;
        factor *= DECAY;
      }
      penalty += Math.min(CAP.get(e.getKey()), category);
    }
    return (int) Math.max(0, Math.min(100, Math.round(100 - penalty)));
  }
}
