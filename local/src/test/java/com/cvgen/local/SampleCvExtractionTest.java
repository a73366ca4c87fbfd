package com.cvgen.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled samples (an English sidebar CV, a German two-page Lebenslauf, a French CV) extract to
 * what a careful reader sees in them, as written down by hand in NAME.json beside each PDF: the
 * person, every role with its dates, every degree, the languages and nearly all skills.
 */
class SampleCvExtractionTest {
  static Stream<String> samples() {
    return DemoCommand.SAMPLES.stream().map(DemoCommand.Sample::cv);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void extractsWhatTheSampleShows(String sample) throws Exception {
    Resume truth;
    try (InputStream in = getClass().getResourceAsStream("/samples/" + sample + ".json")) {
      truth = Json.mapper().readValue(in, Resume.class);
    }
    Resume got = new CvExtractor().extract(DemoCommand.sample(sample + ".pdf"));
    assertThat(SchemaValidator.RESUME.validate(got)).isEmpty();

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(got.basics().name()).as("name").isEqualTo(truth.basics().name());
    soft.assertThat(got.basics().email()).as("email").isEqualTo(truth.basics().email());
    soft.assertThat(digits(got.basics().phone())).as("phone").isEqualTo(digits(truth.basics().phone()));
    soft.assertThat(got.basics().location()).as("location").isNotNull();
    if (got.basics().location() != null) {
      soft.assertThat(got.basics().location().city()).as("city").isEqualTo(truth.basics().location().city());
    }
    soft.assertThat(got.work()).as("work entries").hasSameSizeAs(truth.work());
    for (int i = 0; i < Math.min(got.work().size(), truth.work().size()); i++) {
      Work g = got.work().get(i);
      Work t = truth.work().get(i);
      soft.assertThat(g.position()).as("work %d position", i).isEqualTo(t.position());
      soft.assertThat(g.name()).as("work %d company", i).isEqualTo(t.name());
      soft.assertThat(g.startDate()).as("work %d start", i).isEqualTo(t.startDate());
      soft.assertThat(g.endDate()).as("work %d end", i).isEqualTo(t.endDate());
      soft.assertThat(g.highlights()).as("work %d highlights", i).hasSameSizeAs(t.highlights());
    }
    soft.assertThat(got.education()).as("education entries").hasSameSizeAs(truth.education());
    for (int i = 0; i < Math.min(got.education().size(), truth.education().size()); i++) {
      Education g = got.education().get(i);
      Education t = truth.education().get(i);
      soft.assertThat(g.institution()).as("education %d institution", i).isEqualTo(t.institution());
      soft.assertThat(key(g.studyType(), g.area())).as("education %d degree", i).isEqualTo(key(t.studyType(), t.area()));
      soft.assertThat(g.startDate()).as("education %d start", i).isEqualTo(t.startDate());
    }
    soft.assertThat(got.languages().stream().map(Language::language).toList()).as("languages")
        .isEqualTo(truth.languages().stream().map(Language::language).toList());
    Set<String> gotSkills = skillKeys(got.skills());
    Set<String> truthSkills = skillKeys(truth.skills());
    long found = truthSkills.stream().filter(gotSkills::contains).count();
    soft.assertThat((double) found / truthSkills.size()).as("skills found of %s in %s", truthSkills, gotSkills)
        .isGreaterThanOrEqualTo(0.9);
    soft.assertAll();
  }

  private static Set<String> skillKeys(List<Skill> skills) {
    Set<String> keys = new HashSet<>();
    for (Skill s : skills) {
      keys.add(key(s.name()));
      s.keywords().forEach(k -> keys.add(key(k)));
    }
    return keys;
  }

  private static String digits(String s) {
    return s == null ? "" : s.replaceAll("\\D", "");
  }

  /** Letters and digits only, lower case: spacing and punctuation do not count. */
  private static String key(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) if (p != null) sb.append(p);
    return Normalizer.normalize(sb.toString(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
