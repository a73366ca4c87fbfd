package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.FeedbackCvs.analyze;
import static com.cvgen.core.analyze.FeedbackCvs.education;
import static com.cvgen.core.analyze.FeedbackCvs.findings;
import static com.cvgen.core.analyze.FeedbackCvs.only;
import static com.cvgen.core.analyze.FeedbackCvs.rules;
import static com.cvgen.core.analyze.FeedbackCvs.strong;
import static com.cvgen.core.analyze.FeedbackCvs.work;
import static com.cvgen.core.analyze.FeedbackCvs.workWithSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.analyze.FeedbackCvs.Cv;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Feedback.Severity;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackAnalyzerTest {

  @Test
  void aStrongCvHasNoFindingsAndFullScore() {
    Feedback feedback = analyze(strong());
    assertThat(feedback.findings()).isEmpty();
    assertThat(feedback.score()).isEqualTo(100);
    assertThat(feedback.language()).isEqualTo("en");
  }

  @Nested
  class Contact {
    @Test
    void missingNameAndEmailAreErrors() {
      Cv cv = strong();
      cv.name = " ";
      cv.email = null;
      Feedback feedback = analyze(cv);
      Finding name = only(feedback, FeedbackRule.MISSING_NAME);
      assertThat(name.severity()).isEqualTo(Severity.ERROR);
      assertThat(name.location()).isEqualTo("/basics/name");
      assertThat(name.category()).isEqualTo("contact");
      assertThat(only(feedback, FeedbackRule.MISSING_EMAIL).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void missingPhoneIsAWarningMissingLocationAndLinkedInAreInfos() {
      Cv cv = strong();
      cv.phone = null;
      cv.location = new Basics.Location(null, null, " ", null, null);
      cv.profiles.clear();
      cv.profiles.add(new Basics.Profile("GitHub", "jane", "https://github.com/jane"));
      Feedback feedback = analyze(cv);
      assertThat(only(feedback, FeedbackRule.MISSING_PHONE).severity()).isEqualTo(Severity.WARNING);
      assertThat(only(feedback, FeedbackRule.MISSING_LOCATION).severity()).isEqualTo(Severity.INFO);
      Finding linkedIn = only(feedback, FeedbackRule.MISSING_LINKEDIN);
      assertThat(linkedIn.severity()).isEqualTo(Severity.INFO);
      assertThat(linkedIn.location()).isEqualTo("/basics/profiles");
    }

    @Test
    void aLinkedInAddressAsWebsiteOrProfileUrlCounts() {
      Cv cv = strong();
      cv.profiles.clear();
      cv.url = "https://www.linkedin.com/in/janedoe";
      assertThat(rules(analyze(cv))).doesNotContain("missing-linkedin");
      cv.url = null;
      cv.profiles.add(new Basics.Profile(null, null, "linkedin.com/in/janedoe"));
      assertThat(rules(analyze(cv))).doesNotContain("missing-linkedin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@", "jane doe@example.com", "jane.doe@example", "@example.com"})
    void malformedEmailsAreReported(String email) {
      Cv cv = strong();
      cv.email = email;
      Finding f = only(analyze(cv), FeedbackRule.INVALID_EMAIL);
      assertThat(f.message()).contains(email.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "j.o'neil+cv@mail.example.co.uk", "müller@example.de"})
    void wellFormedEmailsAreNot(String email) {
      Cv cv = strong();
      cv.email = email;
      assertThat(rules(analyze(cv))).doesNotContain("invalid-email");
    }

    @Test
    void phoneNumbersWithTooFewOrTooManyDigitsAreReported() {
      Cv cv = strong();
      cv.phone = "555-12";
      assertThat(only(analyze(cv), FeedbackRule.INVALID_PHONE).message()).contains("555-12");
      cv.phone = "+49 30 1234 5678 9012 3456";
      assertThat(rules(analyze(cv))).contains("invalid-phone");
      cv.phone = "+49 (0)30 23125470";
      assertThat(rules(analyze(cv))).doesNotContain("invalid-phone");
    }
  }

  @Nested
  class Dates {
    @Test
    void aMissingStartDateNamesTheEntry() {
      Cv cv = strong();
      cv.work.add(work("Backend Engineer", "Quillmark Health", null, "2017-08", "Built 3 services"));
      Finding f = only(analyze(cv), FeedbackRule.WORK_START_MISSING);
      assertThat(f.location()).isEqualTo("/work/2/startDate");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.suggestion())
          .isEqualTo("Add the start month and year to 'Backend Engineer at Quillmark Health' (e.g. 03/2019).");
    }

    @Test
    void aMissingEndDateMeansOngoingAndIsFine() {
      Cv cv = strong();
      assertThat(cv.work.getFirst().endDate()).isNull();
      assertThat(rules(analyze(cv))).doesNotContain("work-start-missing", "date-unreadable");
    }

    @Test
    void unreadableDatesAreReportedWithTheirText() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "20XX", "sometime", "Cut costs by 25%"));
      List<Finding> found = findings(analyze(cv), FeedbackRule.DATE_UNREADABLE);
      assertThat(found).extracting(Finding::location).containsExactly("/work/1/startDate", "/work/1/endDate");
      assertThat(found.getFirst().message()).contains("'20XX'", "'Software Engineer at Globex Logistics'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"March 2021", "03/2021", "2021-3", "2021-03-31", "Present", "heute", "en cours"})
    void datesTheCvReaderUnderstandsAreNotUnreadable(String end) {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", end, "Cut costs by 25%"));
      assertThat(rules(analyze(cv))).doesNotContain("date-unreadable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-13", "2021-02-30", "1066", "20XX", "soon"})
    void impossibleDatesAreUnreadable(String start) {
      Cv cv = strong();
      cv.education.add(education("BSc", "Maths", "University of Leeds", start, null));
      assertThat(only(analyze(cv), FeedbackRule.DATE_UNREADABLE).location()).isEqualTo("/education/1/startDate");
    }

    @Test
    void anEndBeforeTheStartIsAnError() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2021-02", "2017-09", "Cut costs by 25%"));
      Finding f = only(analyze(cv), FeedbackRule.DATE_END_BEFORE_START);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.location()).isEqualTo("/work/1/endDate");
      assertThat(f.message()).contains("02/2021", "09/2017");
    }

    @Test
    void aSameYearRangeIsNotReversed() {
      Cv cv = strong();
      cv.education.set(0, education("MSc", "Computer Science", "University of Manchester", "2017-03", "2017"));
      assertThat(rules(analyze(cv))).doesNotContain("date-end-before-start");
    }

    @Test
    void aStartAfterTheReferenceMonthIsInTheFuture() {
      Cv cv = strong();
      cv.work.addFirst(work("Staff Engineer", "Initech", "2025-09", null, "Will lead 3 teams"));
      Finding f = only(analyze(cv), FeedbackRule.DATE_IN_FUTURE);
      assertThat(f.location()).isEqualTo("/work/0/startDate");
      assertThat(f.message()).contains("09/2025");
      cv.work.set(0, work("Staff Engineer", "Initech", "2025-06", null, "Leads 3 teams"));
      assertThat(rules(analyze(cv))).doesNotContain("date-in-future");
    }

    @Test
    void yearOnlyWorkDatesAreAnInfoButYearOnlyEducationIsFine() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017", "2021-02", "Cut costs by 25%"));
      Finding f = only(analyze(cv), FeedbackRule.DATE_YEAR_ONLY);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.location()).isEqualTo("/work/1/startDate");
      cv = strong();
      cv.education.set(0, education("MSc", "Computer Science", "University of Manchester", "2016", "2017"));
      assertThat(rules(analyze(cv))).doesNotContain("date-year-only");
    }

    @Test
    void rolesListedOldestFirstAreNotReverseChronological() {
      Cv cv = strong();
      Collections.reverse(cv.work);
      Finding f = only(analyze(cv), FeedbackRule.WORK_NOT_REVERSE_CHRONOLOGICAL);
      assertThat(f.location()).isEqualTo("/work/1/startDate");
      assertThat(f.message()).contains("'Lead Engineer at Acme Payments' started after 'Software Engineer at Globex");
    }

    @Test
    void aYearOnlyStartIsNeverOutOfOrderWithAMonthOfTheSameYear() {
      Cv cv = strong();
      cv.work(work("A", "X", "2019", "2020-01", "Grew sales by 10%"), work("B", "Y", "2019-03", "2019-12", "Won 2 bids"));
      assertThat(rules(analyze(cv))).doesNotContain("work-not-reverse-chronological");
    }

    @Test
    void severalOngoingFullTimeRolesAreAnInfoPointingAtTheOldest() {
      Cv cv = strong();
      cv.work.add(work("Consultant", "Initech", "2015-01", null, "Advised 12 clients"));
      Finding f = only(analyze(cv), FeedbackRule.WORK_SEVERAL_ONGOING);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.location()).isEqualTo("/work/2/endDate");
      assertThat(f.message()).isEqualTo("2 roles are marked as ongoing: 'Lead Engineer at Acme Payments' and "
          + "'Consultant at Initech'.");
      assertThat(f.suggestion()).contains("is 'Consultant at Initech' still current?");
    }

    @Test
    void anOngoingPartTimeRoleBesideAFullTimeOneIsFine() {
      Cv cv = strong();
      cv.work.add(work("Lecturer (part-time)", "City College", "2019-01", null, "Teaches 60 students a year"));
      assertThat(rules(analyze(cv))).doesNotContain("work-several-ongoing", "work-overlap");
    }
  }

  @Nested
  class Experience {
    @Test
    void noWorkIsAnErrorUnlessProjectsOrVolunteeringStandIn() {
      Cv cv = strong();
      cv.work.clear();
      Finding f = only(analyze(cv), FeedbackRule.MISSING_WORK);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.location()).isEqualTo("/work");
      cv.projects.add(new Project("Open Ledger", "A ledger library", List.of(), List.of(), null, null, null,
          List.of(), null, null));
      assertThat(only(analyze(cv), FeedbackRule.MISSING_WORK).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aGapOfMoreThanSixMonthsIsReportedWithItsMonths() {
      Cv cv = strong();
      cv.work.set(0, work("Lead Engineer", "Acme Payments", "2021-10", null, "Cut batch time by 80%"));
      Finding f = only(analyze(cv), FeedbackRule.WORK_GAP);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.location()).isEqualTo("/work/0/startDate");
      assertThat(f.message()).isEqualTo("There is a gap of 7 months between 'Software Engineer at Globex Logistics'"
          + " (until 02/2021) and 'Lead Engineer at Acme Payments' (from 10/2021).");
      assertThat(f.suggestion()).contains("7 months", "'Lead Engineer at Acme Payments'");
    }

    @Test
    void aGapOfSixMonthsIsNot() {
      Cv cv = strong();
      cv.work.set(0, work("Lead Engineer", "Acme Payments", "2021-09", null, "Cut batch time by 80%"));
      assertThat(rules(analyze(cv))).doesNotContain("work-gap");
    }

    @Test
    void overlappingRolesAreMergedBeforeGapsAreMeasured() {
      Cv cv = strong();
      cv.work(
          work("C", "Gamma", "2020-01", null, "Grew revenue by 5%"),
          work("B", "Beta", "2016-01", "2019-12", "Grew revenue by 5%"),
          work("A2", "Alpha", "2012-01", "2015-12", "Grew revenue by 5%"),
          work("A1", "Alpha", "2010-01", "2013-12", "Grew revenue by 5%"),
          work("Z", "Zeta", "2008-01", "2009-03", "Grew revenue by 5%"));
      cv.education.clear();
      List<Finding> gaps = findings(analyze(cv), FeedbackRule.WORK_GAP);
      // A1 ends inside A2, so there is no gap between A1 and B; the only gap is Z -> A1 (9 months)
      assertThat(gaps).singleElement().satisfies(g -> {
        assertThat(g.location()).isEqualTo("/work/3/startDate");
        assertThat(g.message()).contains("9 months", "'Z at Zeta'", "'A1 at Alpha'");
      });
    }

    @Test
    void studiesFillAGapAndYearOnlyDatesNeverMakeOne() {
      Cv cv = strong();
      cv.work(work("B", "Beta", "2019-10", null, "Grew revenue by 5%"),
          work("A", "Alpha", "2014-01", "2017-06", "Grew revenue by 5%"));
      cv.education.set(0, education("MSc", "Physics", "ETH Zürich", "2017-09", "2019-08"));
      assertThat(rules(analyze(cv))).doesNotContain("work-gap");
      cv = strong();
      cv.work(work("B", "Beta", "2019", null, "Grew revenue by 5%"),
          work("A", "Alpha", "2014", "2018", "Grew revenue by 5%"));
      assertThat(rules(analyze(cv))).doesNotContain("work-gap");
    }

    @Test
    void overlapsOfMoreThanAMonthAreReportedMoreThanSixMonthsAsWarning() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-05", "Cut costs by 25%"));
      Finding f = only(analyze(cv), FeedbackRule.WORK_OVERLAP);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.location()).isEqualTo("/work/0/startDate");
      assertThat(f.message()).isEqualTo("'Software Engineer at Globex Logistics' and 'Lead Engineer at Acme Payments'"
          + " overlap by 3 months.");
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2022-02", "Cut costs by 25%"));
      assertThat(only(analyze(cv), FeedbackRule.WORK_OVERLAP).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aOneMonthHandoverSameEmployerAndPartTimeRolesAreNoOverlap() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-03", "Cut costs by 25%"));
      assertThat(rules(analyze(cv))).doesNotContain("work-overlap");
      cv.work.set(1, work("Software Engineer", "Acme Payments", "2017-09", "2022-03", "Cut costs by 25%"));
      assertThat(rules(analyze(cv))).doesNotContain("work-overlap");
      cv.work.set(1, work("Freelance developer", "Globex Logistics", "2017-09", "2022-03", "Cut costs by 25%"));
      assertThat(rules(analyze(cv))).doesNotContain("work-overlap");
      cv.work.set(1, work("Werkstudentin", "Globex Logistik", "2017-09", "2022-03", "Kosten um 25 % gesenkt"));
      assertThat(rules(analyze(cv))).doesNotContain("work-overlap");
    }

    @Test
    void aRoleIsNamedInOneOverlapAtMost() {
      Cv cv = strong();
      cv.work(
          work("Long", "Omega", "2010-01", "2020-12", "Grew revenue by 5%"),
          work("P", "Pi", "2012-01", "2013-12", "Grew revenue by 5%"),
          work("Q", "Qu", "2014-01", "2015-12", "Grew revenue by 5%"),
          work("R", "Rho", "2016-01", "2019-12", "Grew revenue by 5%"));
      List<Finding> overlaps = findings(analyze(cv), FeedbackRule.WORK_OVERLAP);
      // "Long" overlaps all three; it is reported once, with the longest (R, 48 months)
      assertThat(overlaps).singleElement().satisfies(o -> assertThat(o.message())
          .isEqualTo("'Long at Omega' and 'R at Rho' overlap by 4 years."));
    }

    @Test
    void rolesWithoutTitleEmployerOrDetailsAreReported() {
      Cv cv = strong();
      cv.work.add(work(null, "Initech", "2016-01", "2017-08", "Shipped 4 releases"));
      cv.work.add(work("Developer", " ", "2015-10", "2015-12", "Shipped 4 releases"));
      cv.work.add(work("Analyst", "Umbrella", "2015-07", "2015-09"));
      Feedback feedback = analyze(cv);
      Finding title = only(feedback, FeedbackRule.WORK_POSITION_MISSING);
      assertThat(title.location()).isEqualTo("/work/2/position");
      assertThat(title.message()).isEqualTo("'Initech' has no job title.");
      assertThat(only(feedback, FeedbackRule.WORK_EMPLOYER_MISSING).location()).isEqualTo("/work/3/name");
      Finding details = only(feedback, FeedbackRule.WORK_WITHOUT_DETAILS);
      assertThat(details.location()).isEqualTo("/work/4/highlights");
      assertThat(details.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void rolesEndedMoreThanTenYearsAgoMayBeListedWithoutDetails() {
      Cv cv = strong();
      cv.work.add(work("Analyst", "Umbrella", "2010-01", "2014-12"));
      assertThat(rules(analyze(cv))).doesNotContain("work-without-details");
      cv.work.set(2, workWithSummary("Analyst", "Umbrella", "2016-01", "2017-06", "Ran the reporting for 3 teams."));
      assertThat(rules(analyze(cv))).doesNotContain("work-without-details");
    }
  }

  @Nested
  class Content {
    @Test
    void missingSummaryIsAWarning() {
      Cv cv = strong();
      cv.summary = null;
      Finding f = only(analyze(cv), FeedbackRule.MISSING_SUMMARY);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.location()).isEqualTo("/basics/summary");
    }

    @Test
    void aVeryShortSummaryIsAnInfo() {
      Cv cv = strong();
      cv.summary = "Backend engineer.";
      assertThat(only(analyze(cv), FeedbackRule.SUMMARY_TOO_SHORT).message())
          .isEqualTo("The profile summary has only 2 words.");
    }

    @Test
    void highlightsWithoutFiguresAreCountedPerRole() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02",
          "Designed the parcel tracking API for our customers",
          "Introduced contract testing across the platform teams",
          "Mentored junior engineers in code review and testing"));
      Finding f = only(analyze(cv), FeedbackRule.HIGHLIGHTS_NOT_QUANTIFIED);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.location()).isEqualTo("/work/1/highlights");
      assertThat(f.message()).startsWith("None of the 3 bullet points of 'Software Engineer at Globex Logistics'");
      assertThat(f.suggestion()).contains("'Software Engineer at Globex Logistics'", "30%");
    }

    @Test
    void mostHighlightsWithoutFiguresIsAnInfoWithTheCount() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02",
          "Designed the parcel tracking API used by 2 million customers",
          "Introduced contract testing across the platform teams",
          "Mentored junior engineers in code review and testing"));
      Finding f = only(analyze(cv), FeedbackRule.HIGHLIGHTS_NOT_QUANTIFIED);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).startsWith("2 of the 3 bullet points");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cut the release cycle in half and doubled deployments",
        "Halbierung der Durchlaufzeit im Wareneingang durch neue Prozesse",
        "Leitung eines fünfköpfigen Teams für die Zahlungsplattform",
        "Réduction de moitié du temps de calcul des tableaux de bord",
        "Saved €40k a year on licences after the migration", "Raised test coverage to 85 % on all services"})
    void quantityWordsAndSignsCountAsFigures(String highlight) {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02", highlight, highlight));
      assertThat(rules(analyze(cv))).doesNotContain("highlights-not-quantified");
    }

    @Test
    void versionNumbersToolListsAndKeywordTagsAreNoStatements() {
      Cv cv = strong();
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02",
          "Migrated the backend from PHP7 to Symfony6 services", "Technologies: PHP, Symfony 4, MySQL", "React",
          "TypeScript"));
      Finding f = only(analyze(cv), FeedbackRule.HIGHLIGHTS_NOT_QUANTIFIED);
      assertThat(f.message()).startsWith("The bullet point of 'Software Engineer at Globex Logistics' has no");
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02", "React", "TypeScript"));
      assertThat(rules(analyze(cv))).doesNotContain("highlights-not-quantified");
    }

    @Test
    void educationWithoutInstitutionOrDegreeIsReported() {
      Cv cv = strong();
      cv.education.add(education("BSc", "Mathematics", null, "2012-09", "2015-06"));
      cv.education.add(education(null, " ", "Leeds Grammar School", "2005", "2012"));
      Feedback feedback = analyze(cv);
      Finding institution = only(feedback, FeedbackRule.EDUCATION_INSTITUTION_MISSING);
      assertThat(institution.location()).isEqualTo("/education/1/institution");
      assertThat(institution.message()).isEqualTo("'BSc Mathematics' has no institution.");
      assertThat(only(feedback, FeedbackRule.EDUCATION_DEGREE_MISSING).location())
          .isEqualTo("/education/2/studyType");
    }

    @Test
    void missingEducationDatesLanguagesAndEducationAreInfos() {
      Cv cv = strong();
      cv.education.set(0, education("MSc", "Computer Science", "University of Manchester", null, null));
      cv.languages.clear();
      Feedback feedback = analyze(cv);
      assertThat(only(feedback, FeedbackRule.EDUCATION_DATES_MISSING).location()).isEqualTo("/education/0/endDate");
      assertThat(only(feedback, FeedbackRule.MISSING_LANGUAGES).severity()).isEqualTo(Severity.INFO);
      cv.education.clear();
      assertThat(only(analyze(cv), FeedbackRule.MISSING_EDUCATION).location()).isEqualTo("/education");
    }

    @Test
    void anEducationWithOnlyAnEndDateHasItsDates() {
      Cv cv = strong();
      cv.education.set(0, education("MSc", "Computer Science", "University of Manchester", null, "2017"));
      assertThat(rules(analyze(cv))).doesNotContain("education-dates-missing");
    }
  }

  @Nested
  class Length {
    @Test
    void overLongSummaryIsReportedWithItsLength() {
      Cv cv = strong();
      cv.summary = String.join(" ", Collections.nCopies(101, "word"));
      assertThat(only(analyze(cv), FeedbackRule.SUMMARY_TOO_LONG).message()).contains("101 words");
      cv.summary = String.join(" ", Collections.nCopies(100, "word"));
      assertThat(rules(analyze(cv))).doesNotContain("summary-too-long");
    }

    @Test
    void overLongBulletsByWordsOrCharactersAreReportedOneByOne() {
      Cv cv = strong();
      String words31 = "Led " + String.join(" ", Collections.nCopies(29, "x")) + " 5";
      String chars201 = "Cut costs by 10% " + "a".repeat(184);
      String words30 = "Led " + String.join(" ", Collections.nCopies(28, "x")) + " 5";
      cv.work.set(1, work("Software Engineer", "Globex Logistics", "2017-09", "2021-02", words31, chars201, words30));
      List<Finding> found = findings(analyze(cv), FeedbackRule.HIGHLIGHT_TOO_LONG);
      assertThat(found).extracting(Finding::location)
          .containsExactly("/work/1/highlights/0", "/work/1/highlights/1");
      assertThat(found.getFirst().message())
          .isEqualTo("Bullet point 1 of 'Software Engineer at Globex Logistics' is long (31 words, "
              + words31.length() + " characters).");
    }

    @Test
    void projectAndVolunteerBulletsAreMeasuredToo() {
      Cv cv = strong();
      String longBullet = String.join(" ", Collections.nCopies(40, "word"));
      cv.projects.add(new Project("Open Ledger", null, List.of(longBullet), List.of(), null, null, null, List.of(),
          null, null));
      cv.volunteer.add(new Volunteer("Code Club", "Mentor", null, "2018-01", null, null, List.of(longBullet)));
      assertThat(findings(analyze(cv), FeedbackRule.HIGHLIGHT_TOO_LONG)).extracting(Finding::location)
          .containsExactly("/volunteer/0/highlights/0", "/projects/0/highlights/0");
    }

    @Test
    void longRoleDescriptionsAreReported() {
      Cv cv = strong();
      cv.work.add(workWithSummary("Analyst", "Umbrella", "2016-01", "2017-06",
          String.join(" ", Collections.nCopies(81, "word"))));
      Finding f = only(analyze(cv), FeedbackRule.DESCRIPTION_TOO_LONG);
      assertThat(f.location()).isEqualTo("/work/2/summary");
      assertThat(f.message()).contains("81 words");
    }

    @Test
    void pagesDependOnExperience() {
      Cv cv = strong(); // about 8 years of experience
      cv.pages = 3;
      Finding f = only(analyze(cv), FeedbackRule.TOO_MANY_PAGES);
      assertThat(f.location()).isEqualTo("/meta/cvgen/pages");
      assertThat(f.suggestion()).startsWith("With 7 years of experience, one or two pages");
      cv.work.add(work("Junior Developer", "Initech", "2012-01", "2017-08", "Shipped 40 releases"));
      assertThat(rules(analyze(cv))).doesNotContain("too-many-pages");
      cv.pages = 4;
      assertThat(only(analyze(cv), FeedbackRule.TOO_MANY_PAGES).suggestion()).startsWith("Keep the CV to two or three");
    }

    @Test
    void unknownPagesSayNothing() {
      Cv cv = strong();
      cv.pages = null;
      assertThat(rules(analyze(cv))).doesNotContain("too-many-pages");
    }
  }

  @Nested
  class Skills {
    @Test
    void noSkillsIsAWarning() {
      Cv cv = strong();
      cv.skills.clear();
      Finding f = only(analyze(cv), FeedbackRule.MISSING_SKILLS);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.location()).isEqualTo("/skills");
    }

    @Test
    void skillsNoRoleMentionsAreInfosWithTheirPointer() {
      Cv cv = strong();
      cv.skills.add(new Skill("Frontend", null, List.of("Svelte", "Java 17")));
      Finding f = only(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE);
      assertThat(f.location()).isEqualTo("/skills/1/keywords/0");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).isEqualTo("'Svelte' is listed as a skill but appears in no role or project.");
    }

    @Test
    void canonicalAliasesCount() {
      Cv cv = strong();
      cv.work.set(0, work("Lead Engineer", "Acme Payments", "2021-03", null, "Moved 30 services to k8s"));
      assertThat(findings(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE)).extracting(Finding::message)
          .noneMatch(m -> m.contains("Kubernetes"));
    }

    @Test
    void unknownSkillsAreFoundAsWholeWordsOnly() {
      Cv cv = strong();
      cv.skills.add(new Skill("Tools", null, List.of("Go", "Apache Kafka", "Amazon Web Services (AWS)", "CI / CD")));
      cv.work.set(0, work("Lead Engineer", "Acme Payments", "2021-03", null,
          "Built 3 Kafka pipelines on AWS in Java, PostgreSQL and Kubernetes with a Google-grade CD setup",
          "Went on to lead 6 engineers"));
      assertThat(findings(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE)).extracting(Finding::message)
          .singleElement().asString().contains("'Go'");
    }

    @Test
    void projectsVolunteeringAndCertificatesAreEvidenceButTheProfileSummaryIsNot() {
      Cv cv = strong();
      cv.skills.add(new Skill("More", null, List.of("Terraform", "Rust", "Scrum", "Elixir")));
      cv.summary = cv.summary + " I love Elixir.";
      cv.projects.add(new Project("Infra", "Infrastructure as code", List.of(), List.of("Terraform"), null, null,
          null, List.of(), null, null));
      cv.volunteer.add(new Volunteer("Code Club", "Mentor", null, "2018-01", null, "Teaches Rust to 20 kids.",
          List.of()));
      cv.certificates.add(new Certificate("Professional Scrum Master I", "2020", null, "Scrum.org"));
      assertThat(findings(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE)).extracting(Finding::message)
          .singleElement().asString().contains("'Elixir'");
    }

    @Test
    void atMostFiveUnbackedSkillsAreReported() {
      Cv cv = strong();
      cv.skills.add(new Skill("Many", null, List.of("A1x", "B2x", "C3x", "D4x", "E5x", "F6x", "G7x")));
      assertThat(findings(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE))
          .hasSize(FeedbackSkillCheck.MAX_UNBACKED_REPORTED)
          .extracting(Finding::location).startsWith("/skills/1/keywords/0");
    }

    @Test
    void aSkillGroupWithoutKeywordsIsItselfASkill() {
      Cv cv = strong();
      cv.skills.add(new Skill("Haskell", "Advanced", List.of()));
      assertThat(only(analyze(cv), FeedbackRule.SKILL_WITHOUT_EVIDENCE).location()).isEqualTo("/skills/1/name");
    }

    @Test
    void aSkillListedTwiceIsReportedAtItsSecondPlace() {
      Cv cv = strong();
      cv.skills.add(new Skill("Data", null, List.of("postgresql ", "Postgres")));
      List<Finding> found = findings(analyze(cv), FeedbackRule.DUPLICATE_SKILL);
      assertThat(found).extracting(Finding::location).containsExactly("/skills/1/keywords/0", "/skills/1/keywords/1");
    }

    @Test
    void noEvidenceAtAllSaysNothingAboutEachSkill() {
      Cv cv = strong();
      cv.work.clear();
      assertThat(rules(analyze(cv))).doesNotContain("skill-without-evidence");
    }
  }

  @Nested
  class Format {
    @Test
    void mixedDateFormatsInTheSourceAreAnInfo() {
      Cv cv = strong();
      cv.work.add(work("Junior Developer", "Initech", "2015-01", "2017-08", "Shipped 40 releases"));
      cv.source("/work/0/startDate", "Acme Payments   03/2021 – heute")
          .source("/work/1/startDate", "Sep 2017 – Feb 2021")
          .source("/work/2/startDate", "Initech · 01/2015 - 08/2017")
          .source("/education/0/startDate", "2016-09 — 2017-08");
      Finding f = only(analyze(cv), FeedbackRule.DATE_FORMATS_INCONSISTENT);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.category()).isEqualTo("format");
      assertThat(f.location()).isEqualTo("/work/1/startDate");
      assertThat(f.message()).isEqualTo("Dates are written in 3 different formats: '03/2021', 'Sep 2017' and '2016-09'.");
      assertThat(f.suggestion()).contains("'03/2021'");
    }

    @Test
    void oneFormatYearsAndMissingSourcesAreFine() {
      Cv cv = strong();
      cv.source("/work/0/startDate", "March 2021 - Present").source("/work/1/startDate", "Sept. 2017 – Feb. 2021")
          .source("/education/0/startDate", "2016 – 2017");
      assertThat(rules(analyze(cv))).doesNotContain("date-formats-inconsistent");
      cv.fields.clear();
      cv.source("/work/0/startDate", "no date here");
      assertThat(rules(analyze(cv))).doesNotContain("date-formats-inconsistent");
    }

    @Test
    void formatsAreToldApart() {
      assertThat(FeedbackFormatCheck.style("Mar 2018 – Present")).get()
          .extracting(FeedbackFormatCheck.Written::style).isEqualTo(FeedbackFormatCheck.Style.MONTH_NAME);
      assertThat(FeedbackFormatCheck.style("Tobias Wust 2018-03-31 —")).get()
          .extracting(FeedbackFormatCheck.Written::style).isEqualTo(FeedbackFormatCheck.Style.ISO);
      assertThat(FeedbackFormatCheck.style("31.03.2018 - 30.06.2019")).get()
          .extracting(FeedbackFormatCheck.Written::style).isEqualTo(FeedbackFormatCheck.Style.NUMERIC_DAY);
      assertThat(FeedbackFormatCheck.style("seit 3.2019")).get()
          .extracting(FeedbackFormatCheck.Written::style).isEqualTo(FeedbackFormatCheck.Style.NUMERIC_MONTH);
      assertThat(FeedbackFormatCheck.style("seit 2019")).isEmpty();
      assertThat(FeedbackFormatCheck.style(null)).isEmpty();
    }
  }

  @Nested
  class Ordering {
    @Test
    void findingsAreOrderedBySeverityThenCategoryThenCvOrder() {
      Cv cv = strong();
      cv.email = null; // error, contact
      cv.languages.clear(); // info, content
      cv.work.add(work("A", "X", null, "2016-01", "Did 3 things")); // warning, dates
      cv.work.add(work("B", "Y", null, "2015-01", "Did 3 things")); // warning, dates
      cv.phone = null; // warning, contact
      Feedback feedback = analyze(cv);
      assertThat(feedback.findings()).extracting(Finding::rule).containsExactly("missing-email", "missing-phone",
          "work-start-missing", "work-start-missing", "missing-languages");
      assertThat(feedback.findings().get(2).location()).isEqualTo("/work/2/startDate");
      assertThat(feedback.findings().get(3).location()).isEqualTo("/work/3/startDate");
    }

    @Test
    void eachRuleReportsAtMostTenFindings() {
      Cv cv = strong();
      List<Work> many = new ArrayList<>();
      IntStream.range(0, 30).forEach(i -> many.add(work("Role " + i, "Firm " + i, null, null, "Did 3 things")));
      cv.work = many;
      assertThat(findings(analyze(cv), FeedbackRule.WORK_START_MISSING))
          .hasSize(FeedbackAnalyzer.MAX_FINDINGS_PER_RULE)
          .extracting(Finding::location).first().isEqualTo("/work/0/startDate");
    }
  }
}
