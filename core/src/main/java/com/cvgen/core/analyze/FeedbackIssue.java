package com.cvgen.core.analyze;

import com.cvgen.core.model.Feedback.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A finding before it is put into words: the rule, severity, CV location and the message
 * arguments. Arguments are numbers (formatted by the message pattern), or one of the nested
 * records, which {@link FeedbackMessages} renders in the output language: an {@link EntryRef}
 * becomes the entry's quoted name ("'Backend Engineer at Quillmark Health'"), a {@link Quoted} text
 * is quoted, a {@link Listing} is joined ("A, B and C").
 *
 * @param rule the rule
 * @param severity how serious the finding is
 * @param location a JSON pointer into the CV, e.g. {@code /work/2/startDate}
 * @param variant null, or a suffix selecting another wording of the rule's message, e.g. "none"
 * @param args the message arguments, shared by message and suggestion
 */
record FeedbackIssue(FeedbackRule rule, Severity severity, String location, String variant, List<Object> args) {

  FeedbackIssue {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    args = List.copyOf(args);
  }

  static FeedbackIssue of(FeedbackRule rule, Severity severity, String location, Object... args) {
    return new FeedbackIssue(rule, severity, location, null, Arrays.asList(args));
  }

  /** This issue with the wording {@code variant} of its rule's message. */
  FeedbackIssue variant(String name) {
    return new FeedbackIssue(rule, severity, location, name, args);
  }

  /** The CV sections whose entries findings name. */
  enum Section {
    WORK("/work"), EDUCATION("/education"), VOLUNTEER("/volunteer"), PROJECTS("/projects");

    private final String pointer;

    Section(String pointer) {
      this.pointer = pointer;
    }

    /** The JSON pointer of the section, e.g. "/work". */
    String pointer() {
      return pointer;
    }
  }

  /** An entry of the CV, by section and index. */
  record EntryRef(Section section, int index) {
    /** The JSON pointer of the entry, e.g. "/work/2". */
    String pointer() {
      return section.pointer() + "/" + index;
    }

    /** The JSON pointer of a field of the entry, e.g. "/work/2/startDate". */
    String pointer(String field) {
      return pointer() + "/" + field;
    }
  }

  /** A text from the CV, shown quoted and shortened if long. */
  record Quoted(String text) {}

  /** Several arguments shown as a list in the output language ("A, B and C"). */
  record Listing(List<?> items) {
    Listing {
      items = List.copyOf(items);
    }
  }
}
