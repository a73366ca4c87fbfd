package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.ERROR;
import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackIssue.Quoted;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Basics.Location;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Contact data: name, e-mail, phone, location and a LinkedIn profile. */
final class FeedbackContactCheck implements FeedbackCheck {

  /** One "@", no white space, a dot in the domain and a top-level domain of letters. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.\\p{L}{2,}");
  /** A phone number has 6 (short local numbers) to 16 digits (15 of E.164 plus a national "0"). */
  static final int MIN_PHONE_DIGITS = 6;
  static final int MAX_PHONE_DIGITS = 16;

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Basics b = context.cv().basics();
    if (FeedbackText.blank(b.name())) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_NAME, ERROR, "/basics/name"));
    }
    if (FeedbackText.blank(b.email())) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_EMAIL, ERROR, "/basics/email"));
    } else if (!EMAIL.matcher(b.email().strip()).matches()) {
      out.add(FeedbackIssue.of(FeedbackRule.INVALID_EMAIL, WARNING, "/basics/email", new Quoted(b.email())));
    }
    if (FeedbackText.blank(b.phone())) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_PHONE, WARNING, "/basics/phone"));
    } else {
      long digits = b.phone().chars().filter(Character::isDigit).count();
      if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
        out.add(FeedbackIssue.of(FeedbackRule.INVALID_PHONE, WARNING, "/basics/phone", new Quoted(b.phone())));
      }
    }
    if (!hasLocation(b.location())) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_LOCATION, INFO, "/basics/location"));
    }
    if (!hasLinkedIn(b)) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_LINKEDIN, INFO, "/basics/profiles"));
    }
  }

  private static boolean hasLocation(Location l) {
    return l != null && !l.display().isBlank();
  }

  private static boolean hasLinkedIn(Basics b) {
    Stream<String> texts = Stream.concat(Stream.of(b.url()),
        b.profiles().stream().flatMap(p -> Stream.of(p.network(), p.url())));
    return texts.anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains("linkedin"));
  }
}
