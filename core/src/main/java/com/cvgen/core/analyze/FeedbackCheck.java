package com.cvgen.core.analyze;

import java.util.List;

/** A group of feedback rules: looks at the CV and adds what it finds, in CV order. */
interface FeedbackCheck {
  void check(FeedbackContext context, List<FeedbackIssue> out);
}
